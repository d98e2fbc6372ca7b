import type { AuthUser } from '@app/platform';
import type { ProblemFilter, ProblemWarnings } from '@app/support';
import type { ProblemListQueryDto } from './dto/support-queries.dto';

/** A unit handler sees only what is assigned or co-assigned to its unit; everyone else sees all. */
export const visibleTo = (user: AuthUser) => (user.role === 'unit_handler' ? user.unitId : undefined);

type FilterFields = Omit<ProblemListQueryDto, 'limit' | 'offset' | 'sort' | 'position'>;

/** GET /problems' query as the read side's filter: the list and its exports both go through here. */
export async function problemFilterOf(q: FilterFields, user: AuthUser, today: string, warnings: ProblemWarnings): Promise<ProblemFilter> {
  return {
    status: q.status,
    unitId: q.unitId,
    leadUnitId: q.leadUnitId,
    warning: q.warning && { colour: q.warning, cutoffs: await warnings.cutoffs(today) },
    category: q.category,
    level: q.level,
    enterpriseUscc: q.enterpriseUscc,
    registeredBy: q.registeredBy,
    registeredFrom: q.from,
    registeredTo: q.to,
    overdue: q.overdue,
    today,
    visibleToUnit: visibleTo(user),
  };
}
