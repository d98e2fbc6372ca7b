import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';
import type { HandlingUnitDirectory } from '../handling-units/read-model/handling-units.query';
import { ProblemEventTypes as T } from '../problems/domain/problem.events';
import { problemAsOf, type ProblemFact, type ProblemSnapshot } from './problem-as-of';
import { figureMembers, inListOrder, resolutionFigures, type ResolutionFigureName, type ResolutionGroupBy } from './resolution-metrics';
import {
  GetResolutionMetrics,
  GetResolutionMetricsHandler,
  ListResolutionFigureProblems,
  ListResolutionFigureProblemsHandler,
  type FigureCursor,
  type FigureMembersPage,
  type ResolutionScope,
} from './resolution-metrics.query';
import { refreshSnapshotsSql } from './problem-snapshots.sql';
import { WorkingDayCalendar } from '../working-calendar/domain/working-days';

/*
 * The resolution figures as the API computes them (the cohort, business dates and knownAt selected in SQL over
 * problem_facts, then folded) against the definition (the same facts filtered in memory, then folded by the pure
 * functions), on randomized histories: late recording, reopen (重办), returns, extensions, merges and withdrawals,
 * a knownAt between any two recordings, period and cumulative scopes, one unit or all, every grouping; and the
 * problems behind each figure (its drill-down list) against figureMembers. The median's working days come from a
 * randomized calendar (holidays, make-up days, a year not loaded before, after or between), counted by the
 * calculator on one side and by the statement from its dayCounts on the other.
 */

/** Dates run from late 2024 into early 2025, so a year boundary and a year not loaded are part of the histories. */
const START = Date.UTC(2024, 10, 20);
const day = (offset: number) => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);
const instant = (seconds: number) => new Date(Date.UTC(2024, 6, 20) + seconds * 1000).toISOString();
/** Calendar days, for the generated deadlines. */
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

interface GeneratedFact { type: string; dayOffset: number; recordedSecond: number; data: Record<string, unknown> }

const UNITS = ['unit-a', 'unit-b'];
const step: fc.Arbitrary<(on: string) => { type: string; data: Record<string, unknown> }> = fc.oneof(
  fc.record({ unit: fc.constantFrom(...UNITS), days: fc.integer({ min: 1, max: 12 }) }).map(({ unit, days }) => (on: string) => ({
    type: T.Assigned, data: { leadUnitId: unit, coUnitIds: [], level: 'district', assignedOn: on, deadline: day(Math.round(daysBetween(day(0), on)) + days) },
  })),
  fc.constant((on: string) => ({ type: T.Returned, data: { returnedOn: on, reason: '职能交叉' } })),
  fc.integer({ min: 1, max: 8 }).map((d) => (on: string) => ({ type: T.ExtensionApproved, data: { deadline: day(Math.round(daysBetween(day(0), on)) + d) } })),
  fc.record({ outcome: fc.constantFrom('solved', 'explained_policy', 'unsolvable'), late: fc.integer({ min: -3, max: 3 }) }).map(({ outcome, late }) => (on: string) => ({
    type: T.Resolved, data: { outcome, resolvedOn: on, summary: 's', deadline: day(Math.round(daysBetween(day(0), on)) - late) },
  })),
  fc.constantFrom('satisfied', 'basically_satisfied', 'unsatisfied').map((satisfaction) => (on: string) => ({ type: T.FollowedUp, data: { satisfaction, followedUpOn: on } })),
  fc.integer({ min: 1, max: 10 }).map((d) => (on: string) => ({ type: T.Reopened, data: { reopenedOn: on, deadline: day(Math.round(daysBetween(day(0), on)) + d) } })),
  fc.constant((on: string) => ({ type: T.Closed, data: { closedOn: on } })),
  fc.constant((on: string) => ({ type: T.Withdrawn, data: { withdrawnOn: on, reason: 'r' } })),
  fc.constant((on: string) => ({ type: T.Merged, data: { intoProblemId: 'other', mergedOn: on } })),
  fc.constantFrom('融资', '用工').map((to) => () => ({ type: T.Categorized, data: { from: '审批', to } })),
);

/** One problem: registered on a day, then steps on later (or the same) days, each recorded at its own instant. */
const problem: fc.Arbitrary<GeneratedFact[]> = fc
  .record({
    registeredDay: fc.integer({ min: 0, max: 50 }),
    registeredSecond: fc.integer({ min: 0, max: 1000 }),
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 9 }), recordedSecond: fc.integer({ min: 0, max: 1000 }), make: step }), { maxLength: 7 }),
  })
  .map(({ registeredDay, registeredSecond, steps }) => {
    const facts: GeneratedFact[] = [{ type: T.Registered, dayOffset: registeredDay, recordedSecond: registeredSecond, data: { raisedOn: day(registeredDay), category: '审批', title: 't' } }];
    let offset = registeredDay;
    for (const s of steps) {
      offset += s.gap;
      facts.push({ ...s.make(day(offset)), dayOffset: offset, recordedSecond: s.recordedSecond });
    }
    return facts;
  });

const scope: fc.Arbitrary<ResolutionScope> = fc
  .record({
    kind: fc.constantFrom('period' as const, 'cumulative' as const),
    from: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: 0, max: 40 }),
    asOfAfter: fc.integer({ min: -10, max: 40 }),
    knownAt: fc.option(fc.integer({ min: 0, max: 1000 })),
    unitId: fc.option(fc.constantFrom(...UNITS)),
  })
  .map(({ kind, from, length, asOfAfter, knownAt, unitId }) => ({
    kind, from: day(from), to: day(from + length), asOf: day(Math.max(from, from + length + asOfAfter)),
    knownAt: knownAt === null ? null : instant(knownAt), unitId,
  }));

/** The working-day calendar of a run: mostly both years loaded; sometimes one of them, neither, or a gap (2024). */
const calendar: fc.Arbitrary<WorkingDayCalendar> = fc
  .record({
    years: fc.oneof(
      { arbitrary: fc.constant([2024, 2025]), weight: 4 },
      { arbitrary: fc.constantFrom([2024], [2025], [2023, 2025], []), weight: 2 },
    ),
    holidays: fc.uniqueArray(fc.nat({ max: 130 }), { maxLength: 20 }),
    makeUpWorkdays: fc.uniqueArray(fc.nat({ max: 130 }), { maxLength: 6 }),
  })
  .map(({ years, holidays, makeUpWorkdays }) => {
    const inYear = (offsets: number[], year: number) => offsets.map(day).filter((d) => d.startsWith(`${year}-`));
    return new WorkingDayCalendar(new Map(years.map((y) => [y, { holidays: inYear(holidays, y), makeUpWorkdays: inYear(makeUpWorkdays, y) }])));
  });

const GROUPINGS: ResolutionGroupBy[] = ['unit', 'category', 'level', 'month', 'none'];
const FIGURES: ResolutionFigureName[] = ['collected', 'resolutionRate', 'conclusionRate', 'satisfactionRate', 'onTimeRate', 'overdue'];
const question = fc.record({
  scope,
  groupBy: fc.constantFrom(...GROUPINGS),
  /** Which of the figure's groups to open (its index among them), or the whole figure. */
  groupIndex: fc.option(fc.nat({ max: 3 })),
});

/** The definition: select in memory what the scope counts; the pure functions then fold and count. */
function snapshotsOf(problems: readonly ProblemFact[][], recorded: ReadonlyMap<ProblemFact, string>, s: ResolutionScope): ProblemSnapshot[] {
  const to = s.kind === 'cumulative' ? s.asOf : s.to;
  return problems.flatMap((facts): ProblemSnapshot[] => {
    const known = facts.filter((f) => s.knownAt === null || recorded.get(f)! <= s.knownAt);
    const registered = known.find((f) => f.type === T.Registered);
    if (!registered || registered.onDate < s.from || registered.onDate > to || registered.onDate > s.asOf) return [];
    const snapshot = problemAsOf(known, s.asOf);
    return snapshot && (!s.unitId || snapshot.leadUnitId === s.unitId) ? [snapshot] : [];
  });
}

describe.each(testDatabaseKinds())('resolution figures in SQL agree with the pure definition on %s', (kind) => {
  let db: TestDatabase;
  let handler: GetResolutionMetricsHandler;
  let members: ListResolutionFigureProblemsHandler;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    const noNames = { names: async () => new Map<string, string>() } as unknown as HandlingUnitDirectory;
    handler = new GetResolutionMetricsHandler(db.dataSource as DataSource, noNames);
    members = new ListResolutionFigureProblemsHandler(db.dataSource as DataSource);
  });
  afterAll(() => db?.close());

  it('for randomized histories, scopes and knownAt instants', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(problem, { minLength: 1, maxLength: 8 }),
        fc.array(question, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        calendar,
        async (generated, questions, foldEverything, workingCalendar) => {
        // The definition asks the calculator, which refuses a day outside the loaded years: no duration, no median.
        const workingDaysBetween = (from: string, to: string) => {
          try {
            return workingCalendar.workingDaysBetween(from, to);
          } catch {
            return null;
          }
        };
        const recorded = new Map<ProblemFact, string>();
        const problems = generated.map((facts, p) =>
          facts.map((f, i) => {
            const fact: ProblemFact = { problemId: `p${p}`, streamPosition: i + 1, type: f.type, onDate: day(f.dayOffset), data: f.data };
            recorded.set(fact, instant(f.recordedSecond));
            return fact;
          }),
        );
        const rows = problems.flat().map((f) => ({
          problem_id: f.problemId, stream_position: f.streamPosition, type: f.type, on_date: f.onDate, recorded_at: recorded.get(f), data: f.data,
        }));
        await db.sql.transaction(async (sql) => {
          await sql.query('DELETE FROM problem_facts');
          await sql.query(
            `INSERT INTO problem_facts (problem_id, stream_position, type, on_date, recorded_at, data)
             SELECT problem_id, stream_position, type, on_date, recorded_at, data FROM jsonb_to_recordset($1::jsonb)
               AS r(problem_id text, stream_position integer, type text, on_date date, recorded_at timestamptz, data jsonb)`,
            [JSON.stringify(rows)],
          );
          // What the problem-facts projection keeps beside the facts: each registered problem as it stands, which a
          // figure reads as it is when the question sees all its facts and folds from the facts otherwise. Half the
          // runs mark every row as having a fact after any question, so that every problem takes the fold.
          await sql.query('DELETE FROM problem_snapshots');
          await sql.query(refreshSnapshotsSql('problem_facts', 'problem_snapshots'), [problems.map((_, p) => `p${p}`)]);
          if (foldEverything) await sql.query(`UPDATE problem_snapshots SET last_on_date = 'infinity'`);
        });
        for (const { scope: s, groupBy, groupIndex } of questions) {
          const snapshots = snapshotsOf(problems, recorded, s);
          const got = await handler.execute(new GetResolutionMetrics(s, groupBy, workingCalendar.dayCounts()));
          expect(got.total).toEqual(resolutionFigures(snapshots, s.asOf, 'none', workingDaysBetween)[0]);
          const wantGroups = groupBy === 'none' ? [] : resolutionFigures(snapshots, s.asOf, groupBy, workingDaysBetween);
          expect(got.groups.map(({ groupName: _n, ...g }) => g)).toEqual(wantGroups);

          const group = groupIndex === null ? null : (wantGroups[groupIndex]?.group ?? 'no-such-group');
          for (const figure of FIGURES) {
            for (const part of ['numerator', 'denominator'] as const) {
              const want = figureMembers(snapshots, s.asOf, groupBy, group, figure, part)
                .sort(inListOrder)
                .map((m) => m.problemId);
              // Walked by cursor, three at a time: every member once, in the list's order, each page counting them all.
              const walked: string[] = [];
              let after: FigureCursor | null = null;
              do {
                const page: FigureMembersPage = await members.execute(new ListResolutionFigureProblems(s, groupBy, group, figure, part, { limit: 3, offset: 0, after }));
                expect(page.total).toBe(want.length);
                walked.push(...page.problemIds);
                after = page.next;
              } while (after !== null);
              expect(walked).toEqual(want);
              const byOffset = await members.execute(new ListResolutionFigureProblems(s, groupBy, group, figure, part, { limit: 2, offset: 2, after: null }));
              expect(byOffset.problemIds).toEqual(want.slice(2, 4));
            }
          }
        }
      }),
      // 200: a wrong deadline after 重办 (one field of one event type) was caught in about 1 of 150 runs.
      { numRuns: 200 },
    );
  });
});
