import { CERTIFICATION_TYPES, CERTIFICATION_TYPE_CODES, type CertificationLevel } from '../domain/certification-types';
import { isGrantedBy, isValidOn, type KnownWindow } from './known-window';

export const COUNT_MEASURES = ['currently_valid', 'ever_certified', 'new_in_period'] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];

export interface CountScope {
  asOf: string;
  /** The 新增 period; `to` is cut at asOf (nothing after the report date is counted). */
  from: string;
  to: string;
}

export interface TypeLevel {
  type: string;
  level: string;
}

export interface CertificationCount extends TypeLevel {
  typeName: string;
  currentlyValid: number;
  everCertified: number;
  newInPeriod: number;
}

/** Every (type, level) the rules allow, optionally narrowed: zero counts are shown, not left out. */
export function typeLevels(filter: Partial<TypeLevel> = {}): TypeLevel[] {
  return CERTIFICATION_TYPE_CODES.flatMap((type) =>
    (CERTIFICATION_TYPES[type].levels as readonly CertificationLevel[]).map((level) => ({ type, level })),
  ).filter((t) => (!filter.type || t.type === filter.type) && (!filter.level || t.level === filter.level));
}

/**
 * The distinct enterprises behind one measure (a firm with two windows counts once):
 * - currently_valid: a window containing asOf, not revoked by then;
 * - ever_certified (累计培育): any grant with valid-from ≤ asOf, whatever happened since;
 * - new_in_period (新增): the firm's first grant of this type and level was announced (announcedOn: the day the
 *   list naming it was published, what a bureau can know) in [from, min(to, asOf)]; validity still runs from
 *   valid-from. Months then partition the year: monthly 新增 add up to the year-to-date figure.
 */
export function enterprisesBehind(windows: readonly KnownWindow[], key: TypeLevel, measure: CountMeasure, scope: CountScope): string[] {
  const ours = windows.filter((w) => w.type === key.type && w.level === key.level);
  const usccs = new Set<string>();
  if (measure === 'currently_valid') ours.filter((w) => isValidOn(w, scope.asOf)).forEach((w) => usccs.add(w.uscc));
  if (measure === 'ever_certified') ours.filter((w) => isGrantedBy(w, scope.asOf)).forEach((w) => usccs.add(w.uscc));
  if (measure === 'new_in_period') {
    const to = scope.to < scope.asOf ? scope.to : scope.asOf;
    for (const [uscc, first] of firstAnnounced(ours)) if (scope.from <= first.announcedOn && first.announcedOn <= to) usccs.add(uscc);
  }
  return [...usccs].sort();
}

/** Per firm, its first grant by announcement (what made it 新增), among windows of one type and level. */
export function firstAnnounced<W extends KnownWindow>(windows: readonly W[]): Map<string, W> {
  const first = new Map<string, W>();
  for (const w of windows) {
    const seen = first.get(w.uscc);
    if (!seen || w.announcedOn < seen.announcedOn) first.set(w.uscc, w);
  }
  return first;
}

export type CountNumbers = Pick<CertificationCount, 'currentlyValid' | 'everCertified' | 'newInPeriod'>;

/** One row of the counts: the type's name and the three figures (zero where nothing was counted). */
export function countFor(key: TypeLevel, numbers: Partial<CountNumbers> = {}): CertificationCount {
  return {
    ...key,
    typeName: CERTIFICATION_TYPES[key.type as keyof typeof CERTIFICATION_TYPES].name,
    currentlyValid: numbers.currentlyValid ?? 0,
    everCertified: numbers.everCertified ?? 0,
    newInPeriod: numbers.newInPeriod ?? 0,
  };
}

export function certificationCounts(windows: readonly KnownWindow[], scope: CountScope, filter: Partial<TypeLevel> = {}): CertificationCount[] {
  return typeLevels(filter).map((key) =>
    countFor(key, {
      currentlyValid: enterprisesBehind(windows, key, 'currently_valid', scope).length,
      everCertified: enterprisesBehind(windows, key, 'ever_certified', scope).length,
      newInPeriod: enterprisesBehind(windows, key, 'new_in_period', scope).length,
    }),
  );
}

export interface Revision {
  certificationId: string;
  uscc: string;
  type: string;
  level: string;
  revokedFrom: string;
  recordedAt: string;
}

/**
 * Revocations recorded after the report day that reach back to it: each took a firm out of the
 * currently-valid count as of asOf after that figure could have been published.
 */
export function revisionsOf(windows: readonly KnownWindow[], asOf: string): Revision[] {
  const endOfReportDay = Date.parse(`${asOf}T23:59:59.999+08:00`);
  return windows
    .filter((w) => w.revokedFrom !== null && w.revocationRecordedAt !== null)
    .filter((w) => w.revokedFrom! <= asOf && w.validFrom <= asOf && asOf <= w.validTo)
    .filter((w) => Date.parse(w.revocationRecordedAt!) > endOfReportDay)
    .map((w) => ({
      certificationId: w.certificationId,
      uscc: w.uscc,
      type: w.type,
      level: w.level,
      revokedFrom: w.revokedFrom!,
      recordedAt: w.revocationRecordedAt!,
    }));
}

export interface MonthlyPoint {
  /** 'YYYY-MM'. */
  month: string;
  /** The day counted: the month's last day, or `to` in the last month. */
  asOf: string;
  counts: CertificationCount[];
}

export interface SeriesDay {
  month: string;
  scope: CountScope;
}

/** The days a monthly series counts, from `from` to `to`: each month's end (or `to`), 新增 within the month. */
export function seriesDays(from: string, to: string): SeriesDay[] {
  const days: SeriesDay[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    if (label > to.slice(0, 7)) break;
    const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const asOf = monthEnd < to ? monthEnd : to;
    const start = `${label}-01` > from ? `${label}-01` : from;
    days.push({ month: label, scope: { asOf, from: start, to: asOf } });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return days;
}

/** Month by month from `from` to `to`: valid and 累计 at each month end, 新增 within the month. */
export function monthlySeries(windows: readonly KnownWindow[], from: string, to: string, filter: Partial<TypeLevel> = {}): MonthlyPoint[] {
  return seriesDays(from, to).map(({ month, scope }) => ({ month, asOf: scope.asOf, counts: certificationCounts(windows, scope, filter) }));
}
