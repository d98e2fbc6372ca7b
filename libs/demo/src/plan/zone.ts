/*
 * The zone's handling units (责任单位) and the demo accounts. The loader registers the units first
 * (assignments and unit handlers refer to them by id), in this order, so a parent comes before its
 * sub-units.
 */
import { createHash } from 'node:crypto';
import type { Role } from '@app/platform';
import { personName, username } from './names';
import type { Prng } from './prng';
import type { DemoAccount, DemoUnit } from './plan.types';

export const DEMO_UNITS: readonly DemoUnit[] = [
  { id: 'district-drc', name: '区发展和改革局', level: 'district', categories: ['政策', '其他'] },
  { id: 'district-finance', name: '区财政金融局', level: 'district', categories: ['融资'] },
  { id: 'district-hrss', name: '区人力资源和社会保障局', level: 'district', categories: ['用工'] },
  { id: 'district-planning', name: '区自然资源和规划分局', level: 'district', categories: ['用地'] },
  { id: 'district-approval', name: '区行政审批服务局', level: 'district', categories: ['审批'] },
  { id: 'district-science', name: '区科技创新局', level: 'district', categories: ['科技创新'] },
  { id: 'district-commerce', name: '区商务局', level: 'district', categories: ['市场', '物流'] },
  { id: 'district-construction', name: '区住房和城乡建设局', level: 'district', categories: ['基础设施'] },
  { id: 'city-power', name: '国网江城供电公司', level: 'city', categories: ['基础设施'] },
  { id: 'city-tax', name: '江城市税务局高新区分局', level: 'city', categories: ['政策'] },
  { id: 'city-market', name: '江城市市场监督管理局', level: 'city', categories: ['市场', '其他'] },
  { id: 'city-transport', name: '江城市交通运输局', level: 'city', categories: ['物流'] },
  { id: 'province-industry', name: '江南省工业和信息化厅', level: 'province', categories: ['科技创新', '政策'] },
];

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A UUID-shaped id from a label, so the same seed gives the same user ids (events carry them). */
export function demoUuid(label: string): string {
  const h = createHash('sha256').update(`zhuqi-demo|${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function password(rng: Prng): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += rng.pick(PASSWORD_ALPHABET.split(''));
  return `demo-${s}`;
}

/**
 * One admin, two managers (活动办), a caseworker (服务专员) per twenty-odd firms visited a week and one
 * handler per unit (the busiest units get two). Passwords are drawn from the seed: demo only.
 */
export function demoAccounts(rng: Prng, seed: number, caseworkers: number): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  const add = (role: Role, n: number, displayName: string, unitId: string | null = null, name?: string) => {
    const user = name ?? username(role === 'unit_handler' ? 'unit' : role, n);
    accounts.push({ id: demoUuid(`${seed}|user|${user}`), username: user, displayName, password: password(rng), role, unitId });
  };
  add('admin', 1, '系统管理员');
  add('manager', 1, `${personName(rng)}（活动办主任）`);
  add('manager', 2, `${personName(rng)}（局领导）`);
  for (let i = 1; i <= caseworkers; i++) add('caseworker', i, `${personName(rng)}（服务专员）`);
  for (const unit of DEMO_UNITS) {
    add('unit_handler', 0, `${personName(rng)}（${unit.name}）`, unit.id, `demo.${unit.id}`);
    if (unit.id === 'district-hrss' || unit.id === 'district-finance') {
      add('unit_handler', 0, `${personName(rng)}（${unit.name}）`, unit.id, `demo.${unit.id}-2`);
    }
  }
  return accounts;
}

export const isDemoUsername = (name: string) => name.startsWith('demo.');
