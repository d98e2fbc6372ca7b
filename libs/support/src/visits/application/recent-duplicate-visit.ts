import { DomainError } from '@app/event-store';
import type { Sql } from '@app/event-store';

/** A visit that looks like one logged minutes ago: most often a retried request, sometimes a real second visit. */
export class VisitPossibleDuplicate extends DomainError {
  readonly code = 'VISIT_POSSIBLE_DUPLICATE';
  constructor(duplicate: RecentVisit) {
    super(
      `A visit to ${duplicate.enterpriseUscc} on ${duplicate.visitedOn} by the same caseworker was logged at ${duplicate.loggedAt} (visit ${duplicate.visitId}); ` +
        'nothing was recorded. If this is a second visit, send it again with confirmSecondVisit: true.',
      { duplicateOf: duplicate },
    );
  }
}

export interface RecentVisit {
  visitId: string;
  enterpriseUscc: string;
  visitedOn: string;
  caseworkerIds: string[];
  loggedAt: string;
  loggedBy: string | null;
}

/**
 * The latest visit, not voided, to the same enterprise on the same date with a caseworker in common, logged
 * within the last `windowMinutes` by the database clock. Read from the visits read model and, for what it has not
 * applied yet, from the log after its checkpoint (a short tail, on the log-order index): a retry that comes before
 * the projection has caught up is caught too, and the request waits for nothing. `exceptVisitId` is the visit this
 * request would log (an Idempotency-Key retry of a request that logged it already is not its own duplicate).
 * The tail is bounded to the last TAIL_EVENTS of the log: a visits projection that is stopped or rebuilding can be
 * far behind, and a request must not scan the whole backlog — a duplicate older than that is then missed, which
 * only weakens a convenience check (the read model catches up and the duplicate can still be voided).
 */
const TAIL_EVENTS = 10_000;

export async function recentDuplicateVisit(
  sql: Sql,
  visit: { enterpriseUscc: string; visitedOn: string; caseworkerIds: readonly string[] },
  exceptVisitId: string,
  windowMinutes: number,
): Promise<RecentVisit | null> {
  const [row] = await sql.query<{ visit_id: string; caseworker_ids: string[]; logged_at: Date; logged_by: string | null }>(
    `SELECT visit_id, caseworker_ids, logged_at, logged_by FROM (
       SELECT visit_id, caseworker_ids, logged_at, logged_by FROM visits
       WHERE enterprise_uscc = $1 AND visited_on = $2::date AND voided_at IS NULL AND visit_id <> $3
         AND caseworker_ids ?| $4::text[] AND logged_at > now() - make_interval(mins => $5::int)
       UNION ALL
       SELECT substr(e.stream_id, 7), e.data->'caseworkerIds', e.recorded_at, e.metadata->>'actorId' FROM es_events e
       WHERE (e.transaction_id, e.global_position) > (
               SELECT c.transaction_id, c.global_position FROM projection_checkpoints c WHERE c.name = 'visits')
         AND e.global_position > (SELECT coalesce(max(l.global_position), 0) - $6 FROM es_events l)
         AND e.type = 'VisitLogged' AND e.data->>'enterpriseUscc' = $1 AND e.data->>'visitedOn' = $2::text
         AND e.stream_id <> 'visit-' || $3 AND (e.data->'caseworkerIds') ?| $4::text[]
         AND e.recorded_at > now() - make_interval(mins => $5::int)
     ) recent ORDER BY logged_at DESC LIMIT 1`,
    [visit.enterpriseUscc, visit.visitedOn, exceptVisitId, [...visit.caseworkerIds], windowMinutes, TAIL_EVENTS],
  );
  if (!row) return null;
  return {
    visitId: row.visit_id,
    enterpriseUscc: visit.enterpriseUscc,
    visitedOn: visit.visitedOn,
    caseworkerIds: row.caseworker_ids,
    loggedAt: new Date(row.logged_at).toISOString(),
    loggedBy: row.logged_by,
  };
}
