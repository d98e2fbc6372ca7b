import type { NewEvent } from '@app/event-store';

/** The benchmark's fixed workload: 2,000 case streams of 5 events, shared by the store and the baseline. */
export const STREAMS = 2_000;
export const WORKERS = 8;
export const PAGE_SIZE = 1_000;
export const EVENT_TYPES = ['CaseOpened', 'CaseAssigned', 'CaseProgressNoted', 'CaseResolved', 'CaseClosed'] as const;
export const EVENTS_PER_STREAM = EVENT_TYPES.length;
export const TOTAL_EVENTS = STREAMS * EVENTS_PER_STREAM;
export const PAYLOAD_BYTES = { min: 300, max: 500 };

export interface BenchStream {
  id: string;
  /** One event per lifecycle step, in order: events[i] is stream position i + 1. */
  events: NewEvent[];
}

// Realistic text for a development zone's enterprise-service desk; non-ASCII so JSON and jsonb
// handle multi-byte UTF-8 as they will in production.
const PHRASES = [
  '企业反映园区道路施工影响货车进出', '申请协调新增变压器容量', '技术骨干子女入学需要协调',
  '厂房消防验收材料已补齐', '融资担保申请正在审核', '人才公寓分配方案已报管委会',
  '环评批复预计下月完成', '已约企业负责人现场走访', '跨部门联席会议纪要已印发',
  '企业对办理结果表示满意', '用工招聘会名额已落实', '出口退税进度已与税务分局确认',
];
const ENTERPRISES = ['星河智能装备有限公司', '青禾生物科技股份有限公司', '远航新材料有限公司', '云栖数据服务有限公司'];
const PEOPLE = ['王晓明', '李娜', '张伟', '陈静', '刘洋', '赵敏'];

/** Deterministic PRNG (mulberry32): every run, and both sides of a run, write identical payloads. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Adds a `text` field of Chinese prose so the payload's JSON is `target` bytes, or up to 2 bytes less. */
function padTo(base: Record<string, unknown>, target: number, rand: () => number): Record<string, unknown> {
  let text = '';
  while (bytes({ ...base, text }) < target) text += PHRASES[Math.floor(rand() * PHRASES.length)] + '；';
  // Each CJK character is 3 bytes in UTF-8 (JSON.stringify does not escape it): trim back under the target.
  const excess = bytes({ ...base, text }) - target;
  if (excess > 0) text = text.slice(0, text.length - Math.ceil(excess / 3));
  return { ...base, text };
}

function lifecycle(n: number, rand: () => number): NewEvent[] {
  const caseId = `case-${n}`;
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const bases: Record<string, unknown>[] = [
    { caseId, enterprise: pick(ENTERPRISES), creditCode: `91320500MA${String(n).padStart(8, '0')}`, category: '要素保障', channel: '走访' },
    { caseId, assignee: pick(PEOPLE), department: '企业服务局项目推进科', dueDate: '2026-12-31' },
    { caseId, author: pick(PEOPLE), progress: 60 },
    { caseId, resolvedBy: pick(PEOPLE), resolution: '已办结', satisfaction: 5 },
    { caseId, closedBy: pick(PEOPLE), reason: '企业确认办结' },
  ];
  return bases.map((base, i) => {
    // padTo can land up to 2 bytes under its target, so targets start 2 bytes above the minimum.
    const target = PAYLOAD_BYTES.min + 2 + Math.floor(rand() * (PAYLOAD_BYTES.max - PAYLOAD_BYTES.min - 1));
    return { type: EVENT_TYPES[i], data: padTo(base, target, rand) };
  });
}

export function buildWorkload(seed = 20_260_101): BenchStream[] {
  const rand = prng(seed);
  const streams = Array.from({ length: STREAMS }, (_, i) => ({ id: `case-${i + 1}`, events: lifecycle(i + 1, rand) }));
  for (const s of streams) {
    for (const e of s.events) {
      const size = bytes(e.data);
      if (size < PAYLOAD_BYTES.min || size > PAYLOAD_BYTES.max) throw new Error(`${s.id} ${e.type}: payload of ${size} bytes`);
    }
  }
  return streams;
}

/** Worker w owns every WORKERS-th stream: disjoint sets, so writers never contend for a stream. */
export function streamsOf(streams: readonly BenchStream[], worker: number): BenchStream[] {
  return streams.filter((_, i) => i % WORKERS === worker);
}
