import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { ProblemDetailsRow } from '../read-models/problem-details/problem-details.row';
import type { WarningCutoffs } from '../../problem-warnings/warning-cutoffs';
import { warningSql } from '../../problem-warnings/warning-sql';

/** Which problems a list (or an export of it) holds: every filter of GET /problems, without paging or order. */
export interface ProblemFilter {
  status?: string;
  unitId?: string;
  /** Only problems this unit leads (the unit that must act: what the warning counts are counted by). */
  leadUnitId?: string;
  /** Only problems of this 三色预警 colour on the cutoffs' day (the same definition as the counts). */
  warning?: { colour: 'red' | 'yellow' | 'blue'; cutoffs: WarningCutoffs };
  category?: string;
  level?: string;
  enterpriseUscc?: string;
  registeredFrom?: string;
  registeredTo?: string;
  /** Only problems this user registered (a caseworker's 我登记的). */
  registeredBy?: string;
  /** Only problems not concluded and past their deadline on `today`. */
  overdue?: boolean;
  today: string;
  /** Set for unit handlers: only what is assigned or co-assigned to this unit. */
  visibleToUnit?: string | null;
  /** Only these problems (the members of a published figure). */
  problemIds?: readonly string[];
}

/**
 * Adds the filter's conditions to a query over the `problems` read model aliased `p`. The list and the export
 * both call it, so a file always holds exactly the problems the list shows for the same filters.
 */
export function applyProblemFilter(q: SelectQueryBuilder<ProblemDetailsRow>, f: ProblemFilter): SelectQueryBuilder<ProblemDetailsRow> {
  const unitScope = (unit: string, name: string) =>
    new Brackets((b) => b.where(`p.lead_unit_id = :${name}`, { [name]: unit }).orWhere(`jsonb_exists(p.co_unit_ids, :${name})`, { [name]: unit }));
  if (f.visibleToUnit !== undefined) q.andWhere(unitScope(f.visibleToUnit ?? '', 'visible'));
  if (f.problemIds) q.andWhere('p.problem_id = ANY(:ids)', { ids: [...f.problemIds] });
  if (f.unitId) q.andWhere(unitScope(f.unitId, 'unit'));
  if (f.leadUnitId) q.andWhere('p.lead_unit_id = :leadUnit', { leadUnit: f.leadUnitId });
  if (f.warning) {
    const { expression, parameters } = warningSql(f.warning.cutoffs);
    q.andWhere(`${expression} = :warningColour`, { ...parameters, warningColour: f.warning.colour });
  }
  // 'open': with a handling unit and not yet resolved (签收前后、办理中) — what an inbox lists.
  if (f.status === 'open') q.andWhere(`p.status IN ('assigned', 'accepted', 'in_progress')`);
  else if (f.status) q.andWhere('p.status = :status', { status: f.status });
  if (f.category) q.andWhere('p.category = :category', { category: f.category });
  if (f.level) q.andWhere('p.level = :level', { level: f.level });
  if (f.enterpriseUscc) q.andWhere('p.enterprise_uscc = :uscc', { uscc: f.enterpriseUscc });
  if (f.registeredBy) q.andWhere('p.registered_by = :registeredBy', { registeredBy: f.registeredBy });
  if (f.registeredFrom) q.andWhere('p.registered_on >= :from', { from: f.registeredFrom });
  if (f.registeredTo) q.andWhere('p.registered_on <= :to', { to: f.registeredTo });
  if (f.overdue !== undefined) {
    const overdue = `(p.status IN ('assigned', 'accepted', 'in_progress') AND p.deadline < :today)`;
    q.andWhere(f.overdue ? overdue : `NOT ${overdue}`, { today: f.today });
  }
  return q;
}
