import { rebuildProjection, type StoredEvent } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../test/support/test-database';
import { APPROVED_FEN, CASE_ID, POLICY_ITEM_ID, USCC, givenPaidCase, subsidyEvents as e } from '../domain/subsidy.builders';
import { subsidyStreamId, type SubsidyEvent } from '../domain/subsidy.events';
import { SubsidyCasesProjection } from './subsidy-cases.projection';
import { SubsidyPaymentsProjection } from './subsidy-payments.projection';

const stream = subsidyStreamId(CASE_ID);
const stored = (events: SubsidyEvent[]): StoredEvent[] =>
  events.map((ev, i) => storedEvent(stream, i + 1, ev.type, ev.data, { businessTime: ev.businessTime }));

describe.each(testDatabaseKinds())('subsidy read models on %s', (kind) => {
  let db: TestDatabase;
  const payments = new SubsidyPaymentsProjection();
  const cases = new SubsidyCasesProjection();
  const paymentRows = () =>
    db.sql.query<Record<string, unknown>>(
      `SELECT payment_id, case_id, enterprise_uscc, policy_item_id, policy_year, kind, amount_fen::text AS amount_fen,
              business_date::text AS business_date, disbursement_id, reason
       FROM subsidy_payments ORDER BY payment_id`,
    );
  // As JSON, so dates read as the calendar dates they are and amounts as numbers.
  const caseRows = async () =>
    (await db.sql.query<{ row: Record<string, unknown> }>('SELECT to_jsonb(t) AS row FROM subsidy_cases t ORDER BY case_id')).map((r) => r.row);

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await projectionSpec(db.sql, payments).reset();
    await projectionSpec(db.sql, cases).reset();
  });

  it('writes one payment row per disbursement and per recovery, tagged, and a duplicate delivery adds nothing', async () => {
    const history = stored([...givenPaidCase(), e.recovered(250)]); // matched, approved, announced, paid ×2, recovered
    await projectionSpec(db.sql, payments).given(history.slice(0, 4), history.slice(3, 5), history, [history[5]]);
    const tags = { case_id: CASE_ID, enterprise_uscc: USCC, policy_item_id: POLICY_ITEM_ID, policy_year: 2023 };
    expect(await paymentRows()).toEqual([
      { payment_id: `${CASE_ID}:4`, ...tags, kind: 'disbursement', amount_fen: '6000000', business_date: '2024-03-15', disbursement_id: 'PAY-1', reason: null },
      { payment_id: `${CASE_ID}:5`, ...tags, kind: 'disbursement', amount_fen: '4000000', business_date: '2024-04-01', disbursement_id: 'PAY-2', reason: null },
      { payment_id: `${CASE_ID}:6`, ...tags, kind: 'recovery', amount_fen: '250', business_date: '2024-06-03', disbursement_id: null, reason: '虚报研发费用' },
    ]);
  });

  it('folds a case into its status and totals; a duplicate delivery does not double the paid total', async () => {
    const history = stored([...givenPaidCase(), e.recovered(250)]);
    await projectionSpec(db.sql, cases).given(history.slice(0, 4), [history[3]], history.slice(4));
    const [row] = await caseRows();
    expect(row).toMatchObject({
      case_id: CASE_ID, origin: 'matched', status: 'paid', opened_on: '2024-01-10', approved_fen: APPROVED_FEN,
      publicity_from: '2024-03-01', publicity_to: '2024-03-07', paid_fen: APPROVED_FEN, recovered_fen: 250,
      payment_count: 2, last_paid_on: '2024-04-01', version: 6,
    });
  });

  it('a rebuild from the log gives the same rows', async () => {
    const store = db.store();
    const other = subsidyStreamId('6f1c2a9e-0000-4000-8000-000000000002');
    const [opened, approved, announced, paid1, paid2] = givenPaidCase();
    await store.append(stream, [opened, approved, announced]);
    await store.append(other, [{ ...opened, data: { ...opened.data, caseId: 'other' } }, approved, announced, paid1]);
    await store.append(stream, [paid1, paid2, e.recovered(99)]);
    await store.append('visit-1', [{ type: 'VisitLogged', data: {} }]);
    const { events } = await store.readAll();
    await projectionSpec(db.sql, payments).given(events.slice(0, 5), events, events.slice(6));
    await projectionSpec(db.sql, cases).given(events);
    const livePayments = await paymentRows();
    const liveCases = await caseRows();
    expect(livePayments).toHaveLength(4);
    expect(liveCases.map((c) => [c.status, c.paid_fen, c.recovered_fen])).toEqual(
      [[CASE_ID, 'paid', 10_000_000, 99], ['6f1c2a9e-0000-4000-8000-000000000002', 'partially_paid', 6_000_000, 0]]
        .sort(([a], [b]) => String(a).localeCompare(String(b)))
        .map(([, ...rest]) => rest),
    );

    // Spoil the live rows first, so only a real replay from the log can bring them back.
    await db.sql.query(`UPDATE subsidy_payments SET amount_fen = 1`);
    await db.sql.query(`DELETE FROM subsidy_cases WHERE case_id = $1`, [CASE_ID]);
    await rebuildProjection(db.sql, payments, { batchSize: 2 });
    await rebuildProjection(db.sql, cases, { batchSize: 3 });
    expect(await paymentRows()).toEqual(livePayments);
    expect(await caseRows()).toEqual(liveCases);
  });
});
