import { UpcasterRegistry } from '@app/event-store';
import { deciderSpec } from '@app/event-store/testing';
import { SAMPLE_FIGURES } from '../testing/sample-figures';
import { MonthNotEnded, monthlySummaryDecider, type GenerateMonthlySummaryCommand } from './monthly-summary.decider';
import type { MonthlySummaryEvent } from './monthly-summary.events';
import { monthlySummaryUpcasters } from './monthly-summary.upcasters';

const spec = deciderSpec(monthlySummaryDecider);

const cut = { transactionId: '917', globalPosition: 120, knownAt: '2024-07-01T02:00:00.000000Z' };
const snapshot = { month: '2024-06', zone: 'gaoxin', asOf: '2024-06-30', computedAtPosition: 120, cut, figures: SAMPLE_FIGURES };
const generate = (extra: Partial<GenerateMonthlySummaryCommand> = {}): GenerateMonthlySummaryCommand => ({
  type: 'GenerateMonthlySummary',
  ...snapshot,
  today: '2024-07-01',
  ...extra,
});
const corrected = { ...SAMPLE_FIGURES, visits: { ...SAMPLE_FIGURES.visits, month: { ...SAMPLE_FIGURES.visits.month, visits: 413 } } };

/** Builders named after the stream's states. */
const givenGenerated = (): MonthlySummaryEvent[] => [{ type: 'MonthlySummaryGenerated', schemaVersion: 3, data: snapshot }];
const givenCorrected = (reason = '补录6月28日走访'): MonthlySummaryEvent[] => [
  ...givenGenerated(),
  { type: 'MonthlySummaryRegenerated', schemaVersion: 3, data: { ...snapshot, computedAtPosition: 130, cut: { ...cut, globalPosition: 130 }, figures: corrected, reason, supersedesVersion: 1 } },
];

describe('monthly summary decider', () => {
  it('generates the first version when there is none', () => {
    spec.given([]).when(generate()).then(givenGenerated());
  });

  it('a first generation with a reason is still the first version (there is nothing to correct)', () => {
    spec.given([]).when(generate({ reason: '首次生成' })).then(givenGenerated());
  });

  it('generating again without a reason is a no-op, whatever the figures are now', () => {
    spec.given(givenGenerated()).when(generate({ figures: corrected, computedAtPosition: 130 })).then([]);
    spec.given(givenGenerated()).when(generate({ reason: '   ' })).then([]);
  });

  it('a correction with a reason appends a new version that names the one it supersedes', () => {
    spec.given(givenGenerated()).when(generate({ figures: corrected, computedAtPosition: 130, cut: { ...cut, globalPosition: 130 }, reason: ' 补录6月28日走访 ' })).then(givenCorrected().slice(1));
  });

  it('a second correction supersedes version 2; a retried correction (same reason as the latest) is a no-op', () => {
    spec
      .given(givenCorrected())
      .when(generate({ reason: '撤销重复录入的走访' }))
      .then([{ type: 'MonthlySummaryRegenerated', schemaVersion: 3, data: { ...snapshot, reason: '撤销重复录入的走访', supersedesVersion: 2 } }]);
    spec.given(givenCorrected()).when(generate({ figures: corrected, reason: '补录6月28日走访' })).then([]);
  });

  it('refuses a month that has not ended in Asia/Shanghai (its last day is not yet over)', () => {
    spec.given([]).when(generate({ today: '2024-06-30' })).thenThrows(MonthNotEnded, 'from the day after 2024-06-30');
    spec.given([]).when(generate({ today: '2024-06-15' })).thenThrows(MonthNotEnded);
    spec.given(givenGenerated()).when(generate({ today: '2024-06-30', reason: 'x' })).thenThrows(MonthNotEnded);
  });

  it('the refusal is an invalid request, not a conflict', () => {
    expect(new MonthNotEnded('2024-06', '2024-06-30', '2024-06-30')).toMatchObject({ kind: 'invalid', code: 'MONTH_NOT_ENDED' });
  });

  it('a summary stored before cuts (schema version 1) reads with its position as a cut without transaction id or knownAt', () => {
    const [generated] = monthlySummaryUpcasters;
    const { cut: _cut, ...v1 } = snapshot;
    expect(generated.upcast(v1, { type: 'MonthlySummaryGenerated', streamId: 'monthly-summary-gaoxin-2024-06' })).toEqual({ ...v1, cut: { transactionId: null, globalPosition: 120, knownAt: null } });
  });

  it('a summary stored at schema version 2 reads with the policy-year split and year-to-date shares as not published (null)', () => {
    const registry = new UpcasterRegistry(monthlySummaryUpcasters);
    const { month, yearToDate } = SAMPLE_FIGURES.subsidies;
    const { byPolicyYear: _m, ...monthV2 } = month;
    const { byPolicyYear: _y, ...ytdV2 } = yearToDate;
    const v2 = {
      ...snapshot,
      figures: {
        ...Object.fromEntries(Object.entries(SAMPLE_FIGURES).filter(([k]) => k !== 'units')),
        subsidies: { month: monthV2, yearToDate: ytdV2 },
        certifications: SAMPLE_FIGURES.certifications.map(({ yearToDateShares: _s, ...c }) => c),
      },
    };
    for (const type of ['MonthlySummaryGenerated', 'MonthlySummaryRegenerated']) {
      const { schemaVersion, data } = registry.upcast(type, 2, v2, 'monthly-summary-gaoxin-2024-06');
      const read = data as typeof snapshot;
      expect(schemaVersion).toBe(3);
      expect(read.figures.subsidies.month).toEqual({ ...monthV2, byPolicyYear: null });
      expect(read.figures.subsidies.yearToDate).toEqual({ ...ytdV2, byPolicyYear: null });
      expect(read.figures.certifications.map((c) => c.yearToDateShares)).toEqual(SAMPLE_FIGURES.certifications.map(() => null));
      expect(read.figures.units).toBeNull();
      expect(read.cut).toEqual(cut);
    }
    expect(registry.upcast('MonthlySummaryGenerated', 3, snapshot, 'monthly-summary-gaoxin-2024-06')).toEqual({ schemaVersion: 3, data: snapshot });
  });
});
