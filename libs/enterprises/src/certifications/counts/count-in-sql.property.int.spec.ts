import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../test/support/test-database';
import { COUNT_MEASURES, certificationCounts, enterprisesBehind, monthlySeries, revisionsOf, seriesDays, typeLevels, type CountScope } from './certification-counts';
import { GetCertificationCountsHandler, GetCertificationCountsQuery } from './certification-counts.query';
import { GetCertificationSeriesHandler, GetCertificationSeriesQuery } from './certification-series.query';
import { certificationCountsInSql, COUNT_METHODS } from './count-in-sql';
import { firmsBehindInSql } from './firms-behind-in-sql';
import { loadKnownWindows } from './load-windows';

/*
 * The certification counts as the API forms them (one aggregate in SQL, knownAt folded from each window's history
 * there) against the definition (the windows folded in memory by asKnownAt, counted by the pure certificationCounts),
 * on randomized windows: several per firm and type, renewals (复核) and revocations recorded later or earlier than a
 * knownAt, announcements before or after valid-from, every type filter. The same for the monthly series (every
 * month end in one statement, by each of the two ways of counting) and for the page of firms behind a measure.
 */

const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const instant = (second: number) => new Date(Date.UTC(2025, 0, 1) + second * 1000).toISOString();
const KEYS = typeLevels().slice(0, 3);

const window = fc.record({
  firm: fc.nat({ max: 3 }),
  key: fc.constantFrom(...KEYS),
  validFrom: fc.nat({ max: 20 }),
  length: fc.integer({ min: 0, max: 12 }),
  announcedAfter: fc.integer({ min: -10, max: 10 }),
  recordedSecond: fc.nat({ max: 100 }),
  renewals: fc.array(fc.record({ extra: fc.integer({ min: 1, max: 6 }), recordedSecond: fc.nat({ max: 100 }) }), { maxLength: 2 }),
  revocation: fc.option(fc.record({ after: fc.nat({ max: 20 }), recordedSecond: fc.nat({ max: 100 }) })),
});

const question = fc.record({
  asOf: fc.nat({ max: 45 }),
  from: fc.nat({ max: 40 }),
  length: fc.nat({ max: 30 }),
  knownAt: fc.option(fc.nat({ max: 100 })),
  filter: fc.constantFrom({}, { type: KEYS[0].type }, { type: KEYS[1].type, level: KEYS[1].level }),
  seriesDays: fc.nat({ max: 80 }),
  listed: fc.record({ key: fc.constantFrom(...KEYS), measure: fc.constantFrom(...COUNT_MEASURES), limit: fc.integer({ min: 1, max: 3 }), offset: fc.nat({ max: 4 }) }),
});

describe.each(testDatabaseKinds())('certification counts in SQL agree with the pure definition on %s', (kind) => {
  let db: TestDatabase;
  let handler: GetCertificationCountsHandler;
  let series: GetCertificationSeriesHandler;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    handler = new GetCertificationCountsHandler(db.dataSource as DataSource);
    series = new GetCertificationSeriesHandler(db.dataSource as DataSource);
  });
  afterAll(() => db?.close());

  it('for randomized windows, histories, dates and knownAt instants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(window, { minLength: 1, maxLength: 10 }), fc.array(question, { minLength: 1, maxLength: 6 }), async (windows, questions) => {
        const rows = windows.map((w, i) => {
          const grantedValidTo = day(w.validFrom + w.length);
          let validTo = w.validFrom + w.length;
          const history: Record<string, unknown>[] = w.renewals.map((r, n) => {
            validTo += r.extra;
            return { change: 'renewed', batch: `r${n}`, announcedOn: day(validTo - r.extra), validTo: day(validTo), recordedAt: instant(r.recordedSecond) };
          });
          const revokedFrom = w.revocation ? day(w.validFrom + (w.revocation.after % (validTo - w.validFrom + 1))) : null;
          if (w.revocation) history.push({ change: 'revoked', effectiveFrom: revokedFrom, reason: 'r', recordedAt: instant(w.revocation.recordedSecond) });
          return {
            certification_id: `c${i}`, uscc: `firm-${w.firm}`, type: w.key.type, level: w.key.level, batch: `b${i}`, document_number: `d${i}`,
            announced_on: day(w.validFrom + w.announcedAfter), valid_from: day(w.validFrom), granted_valid_to: grantedValidTo, valid_to: day(validTo),
            revoked_from: revokedFrom, revocation_reason: revokedFrom && 'r', recorded_at: instant(w.recordedSecond), updated_at: instant(200), version: 1 + history.length,
            history,
          };
        });
        await db.sql.transaction(async (sql) => {
          await sql.query('DELETE FROM certification_windows');
          await sql.query(`INSERT INTO certification_windows SELECT * FROM jsonb_populate_recordset(NULL::certification_windows, $1::jsonb)`, [JSON.stringify(rows)]);
        });
        for (const q of questions) {
          const scope: CountScope = { asOf: day(q.asOf), from: day(q.from), to: day(q.from + q.length) };
          const knownAt = q.knownAt === null ? null : instant(q.knownAt);
          const got = await handler.execute(new GetCertificationCountsQuery({ ...scope, ...q.filter, knownAt }));
          const known = await loadKnownWindows(db.dataSource as DataSource, q.filter, knownAt);
          expect(got.counts.map(({ shares: _s, ...count }) => count)).toEqual(certificationCounts(known, scope, q.filter));
          expect(got.revisions).toEqual(revisionsOf(known, scope.asOf));

          const [from, to] = [day(q.from), day(q.from + q.seriesDays)];
          const monthly = await series.execute(new GetCertificationSeriesQuery({ from, to, ...q.filter, knownAt }));
          expect(monthly.points).toEqual(monthlySeries(known, from, to, q.filter));
          // Each way of counting, whatever the number of days the handlers would choose it for.
          for (const method of COUNT_METHODS) {
            const days = seriesDays(from, to).map((d) => d.scope);
            expect(await certificationCountsInSql(db.dataSource as DataSource, q.filter, [scope, ...days], knownAt, method)).toEqual(
              [scope, ...days].map((d) => certificationCounts(known, d, q.filter)),
            );
          }

          const { key, measure, limit, offset } = q.listed;
          const behind = enterprisesBehind(await loadKnownWindows(db.dataSource as DataSource, key, knownAt), key, measure, scope);
          const page = await firmsBehindInSql(db.dataSource as DataSource, key, measure, scope, knownAt, { limit, offset });
          expect(page).toEqual({ total: behind.length, usccs: behind.slice(offset, offset + limit) });
        }
      }),
      { numRuns: 100 },
    );
  });
});
