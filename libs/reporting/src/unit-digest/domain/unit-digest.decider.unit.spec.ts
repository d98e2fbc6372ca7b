import { deciderSpec } from '@app/event-store/testing';
import { DigestDateNotToday, unitDigestDecider, type GenerateUnitDigestCommand } from './unit-digest.decider';
import type { UnitDigestEvent, UnitDigestSnapshot } from './unit-digest.events';

const spec = deciderSpec(unitDigestDecider);

const snapshot: UnitDigestSnapshot = {
  zone: 'gaoxin',
  date: '2024-09-11',
  cut: { transactionId: '812', globalPosition: 96, knownAt: '2024-09-10T17:15:00.000000Z' },
  rules: { blueWithinWorkingDays: 2, acceptanceLimitWorkingDays: 1, escalateAfterWorkingDays: 3 },
  units: [
    {
      unitId: 'unit-drc',
      unitName: '区发改局',
      lines: [
        { problemId: 'P1', title: '融资难', enterpriseUscc: 'U1', enterpriseName: '甲公司', deadline: '2024-09-06', colour: 'red', cause: { kind: 'overdue', workingDays: 3 }, reason: '已超期3个工作日' },
      ],
    },
  ],
  escalation: [],
};
const generate = (extra: Partial<GenerateUnitDigestCommand> = {}): GenerateUnitDigestCommand => ({ type: 'GenerateUnitDigest', ...snapshot, today: '2024-09-11', ...extra });
const givenGenerated = (): UnitDigestEvent[] => [{ type: 'UnitDigestGenerated', schemaVersion: 1, data: snapshot }];

describe('unit digest decider', () => {
  it('generates the digest of a date when there is none', () => {
    spec.given([]).when(generate()).then(givenGenerated());
  });

  it('a second run for the same date appends nothing, even when the problems have changed since', () => {
    spec.given(givenGenerated()).when(generate({ units: [], cut: { ...snapshot.cut, globalPosition: 140 } })).then([]);
  });

  it('running twice for one date leaves one report on the stream', () => {
    const history: UnitDigestEvent[] = [];
    for (let run = 0; run < 2; run++) {
      const state = history.reduce(unitDigestDecider.evolve, unitDigestDecider.initialState());
      history.push(...unitDigestDecider.decide(generate(), state));
    }
    expect(history).toEqual(givenGenerated());
  });

  it('is made on its own day only: later it would show today’s problems under that date, earlier it would be a guess', () => {
    spec.given([]).when(generate({ today: '2024-09-12' })).thenThrows(DigestDateNotToday, 'can no longer be made');
    spec.given([]).when(generate({ today: '2024-09-10' })).thenThrows(DigestDateNotToday, 'before that day');
  });

  it('a retry after midnight of a digest already made is a no-op, not a refusal', () => {
    spec.given(givenGenerated()).when(generate({ today: '2024-09-12' })).then([]);
  });

  it('the refusal is an invalid request, not a conflict', () => {
    expect(new DigestDateNotToday('2024-09-11', '2024-09-10')).toMatchObject({ kind: 'invalid', code: 'DIGEST_DATE_NOT_TODAY' });
  });
});
