import type { StoredEvent } from '@app/event-store';
import { evolveVisit } from './visits.projection';

const stored = (type: string, data: object, recordedAt: string, businessTime: string): StoredEvent =>
  ({
    globalPosition: 1,
    transactionId: '1',
    streamId: 'visit-vst-0001',
    streamPosition: 1,
    type,
    schemaVersion: 1,
    data,
    metadata: { actorId: 'user-caseworker' },
    businessTime,
    recordedAt: new Date(recordedAt),
  }) as StoredEvent;

const logged = stored(
  'VisitLogged',
  { visitId: 'vst-0001', enterpriseUscc: '91410100MA44D5T1X5', visitedOn: '2024-06-28', caseworkerIds: ['user-caseworker'], form: 'on_site', notes: '', problemIds: [] },
  '2024-07-01T02:00:00Z',
  '2024-06-28T00:00:00+08:00',
);

describe('visits projection', () => {
  it('keeps the instant a void was recorded: from then on the visit counts in no period (before it, knownAt still shows it)', () => {
    // A v1 void (2024 stores) is dated by the day it was voided; the instant it was recorded is what counts.
    const voided = stored('VisitVoided', { reason: '重复录入', voidedOn: '2024-07-03' }, '2024-07-03T01:30:00Z', '2024-07-03T00:00:00+08:00');
    const row = evolveVisit(evolveVisit(null, logged), voided);
    expect(row).toMatchObject({ logged_at: '2024-07-01T02:00:00.000Z', voided_on: '2024-07-03', voided_at: '2024-07-03T01:30:00.000Z', void_reason: '重复录入' });
  });

  it('a logged visit has no void instant', () => {
    expect(evolveVisit(null, logged)).toMatchObject({ voided_at: null, voided_on: null });
  });
});
