import type { EntityManager } from 'typeorm';
import type { ProblemFact } from '../../metrics/problem-as-of';
import { ProblemDetailsRow } from '../read-models/problem-details/problem-details.row';
import { applyProblemFilter, type ProblemFilter } from '../queries/problem-filter';
import type { ProblemSummary } from '../queries/problem-list.query';

/** One page of an export: the list's rows, in the list's order, and every fact of each of them. */
export interface ProblemExportPage {
  problems: ProblemSummary[];
  facts: Map<string, ProblemFact[]>;
}

const filtered = (manager: EntityManager, filter: ProblemFilter) => applyProblemFilter(manager.createQueryBuilder(ProblemDetailsRow, 'p'), filter);

/** How many problems an export of this filter holds (asked before writing, to refuse one too large). */
export function countExportedProblems(manager: EntityManager, filter: ProblemFilter): Promise<number> {
  return filtered(manager, filter).getCount();
}

/**
 * The filter's problems in the list's order (newest registration first, then id), a page at a time by keyset:
 * each page starts after the last (registered_on, problem_id) seen, so no OFFSET rescans and no row is skipped or
 * repeated. Run it on a REPEATABLE READ transaction's manager: every page then reads the same snapshot.
 */
export async function* problemExportPages(manager: EntityManager, filter: ProblemFilter, pageSize: number): AsyncGenerator<ProblemExportPage> {
  const columns = manager.connection.getMetadata(ProblemDetailsRow).columns.map((c) => c.propertyName).filter((name) => name !== 'description');
  let after: { on: string; id: string } | null = null;
  for (;;) {
    const q = filtered(manager, filter).select(columns.map((name) => `p.${name}`));
    if (after) q.andWhere('(p.registered_on < :afterOn OR (p.registered_on = :afterOn AND p.problem_id > :afterId))', { afterOn: after.on, afterId: after.id });
    const problems = (await q.orderBy('p.registered_on', 'DESC').addOrderBy('p.problem_id', 'ASC').take(pageSize).getMany()) as ProblemSummary[];
    if (problems.length === 0) return;
    yield { problems, facts: await factsOf(manager, problems.map((p) => p.problemId)) };
    if (problems.length < pageSize) return;
    const last = problems[problems.length - 1];
    after = { on: last.registeredOn, id: last.problemId };
  }
}

async function factsOf(manager: EntityManager, problemIds: string[]): Promise<Map<string, ProblemFact[]>> {
  const rows: { problem_id: string; stream_position: number; type: string; on_date: string; data: Record<string, unknown> }[] = await manager.query(
    `SELECT problem_id, stream_position, type, on_date::text AS on_date, data FROM problem_facts
     WHERE problem_id = ANY($1) ORDER BY problem_id, stream_position`,
    [problemIds],
  );
  const byProblem = new Map<string, ProblemFact[]>(problemIds.map((id) => [id, []]));
  for (const r of rows) {
    byProblem.get(r.problem_id)!.push({ problemId: r.problem_id, streamPosition: r.stream_position, type: r.type, onDate: r.on_date, data: r.data });
  }
  return byProblem;
}
