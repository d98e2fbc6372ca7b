import { ForbiddenException } from '@nestjs/common';
import { todayInShanghai, type AuthUser } from '@app/platform';
import type { ResolutionMetricsQueryDto } from './dto/support-queries.dto';

/** A unit handler reads its own unit's figures, asked for by name (unit=<its unit>), and no one else's. */
export function unitOf(user: AuthUser, unit: string | undefined): string | null {
  if (user.role !== 'unit_handler') return unit ?? null;
  if (unit === undefined || unit !== user.unitId) {
    throw new ForbiddenException({
      statusCode: 403,
      error: 'NOT_YOUR_UNIT',
      message: `A unit handler reads only its own unit's figures: ask with unit=${user.unitId ?? '(none)'}`,
      field: 'unit',
    });
  }
  return unit;
}

export const UNIT_HANDLER_SCOPE = 'A unit handler asking without unit=<its own unit>, or for another unit (NOT_YOUR_UNIT, field unit)';

/** The scope of a resolution figure as GET /metrics/resolution reads it: the figures, their records and exports share it. */
export function resolutionScope(q: ResolutionMetricsQueryDto, user: AuthUser) {
  const unitId = unitOf(user, q.unit);
  const asOf = q.asOf ?? todayInShanghai();
  return { kind: q.scope, from: q.from, to: q.scope === 'cumulative' ? asOf : (q.to ?? asOf), asOf, knownAt: q.knownAt?.toISOString() ?? null, unitId };
}
