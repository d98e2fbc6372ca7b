import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import { ProblemEventTypes as T, type ProblemEvent } from '../../domain/problem.events';

/** The `problems` row as the projection writes it (column names). */
export interface ProblemDetailsRecord extends Record<string, unknown> {
  problem_id: string;
  enterprise_uscc: string;
  title: string;
  description: string;
  category: string;
  source: string;
  visit_id: string | null;
  status: string;
  level: string | null;
  lead_unit_id: string | null;
  co_unit_ids: string[];
  registered_on: string;
  registered_by: string | null;
  assigned_on: string | null;
  deadline: string | null;
  outcome: string | null;
  resolved_on: string | null;
  satisfaction: string | null;
  closed_on: string | null;
  merged_into: string | null;
  pending_extension_days: number | null;
  supervision_count: number;
  reopen_count: number;
  version: number;
  updated_at: string;
}

const STATUS_AFTER: Partial<Record<ProblemEvent['type'], string>> = {
  [T.Assigned]: 'assigned',
  [T.Accepted]: 'accepted',
  [T.Returned]: 'registered',
  [T.ProgressReported]: 'in_progress',
  [T.Resolved]: 'resolved',
  [T.FollowedUp]: 'followed_up',
  [T.Reopened]: 'in_progress',
  [T.Closed]: 'closed',
  [T.Merged]: 'merged',
  [T.Withdrawn]: 'withdrawn',
};

/** Pure: the row after one event. Times come from the event, never from the clock. */
export function evolveProblemDetails(row: ProblemDetailsRecord | null, stored: StoredEvent): ProblemDetailsRecord | null {
  const event = stored as unknown as StoredEvent & ProblemEvent;
  if (event.type === T.Registered) {
    const d = event.data;
    return {
      problem_id: d.problemId,
      enterprise_uscc: d.enterpriseUscc,
      title: d.title,
      description: d.description,
      category: d.category,
      source: d.source,
      visit_id: d.visitId,
      status: 'registered',
      level: null,
      lead_unit_id: null,
      co_unit_ids: [],
      registered_on: d.raisedOn,
      registered_by: (stored.metadata.actorId as string | undefined) ?? null,
      assigned_on: null,
      deadline: null,
      outcome: null,
      resolved_on: null,
      satisfaction: null,
      closed_on: null,
      merged_into: null,
      pending_extension_days: null,
      supervision_count: 0,
      reopen_count: 0,
      version: stored.streamPosition,
      updated_at: stored.recordedAt.toISOString(),
    };
  }
  if (!row) return null;
  const next: ProblemDetailsRecord = {
    ...row,
    status: STATUS_AFTER[event.type] ?? row.status,
    version: stored.streamPosition,
    updated_at: stored.recordedAt.toISOString(),
  };
  switch (event.type) {
    case T.Categorized:
      return { ...next, category: event.data.to };
    case T.Assigned:
      return {
        ...next,
        lead_unit_id: event.data.leadUnitId,
        co_unit_ids: event.data.coUnitIds,
        level: event.data.level,
        assigned_on: event.data.assignedOn,
        deadline: event.data.deadline,
      };
    case T.Returned:
      return { ...next, lead_unit_id: null, co_unit_ids: [], deadline: null, assigned_on: null, pending_extension_days: null };
    case T.ExtensionRequested:
      return { ...next, pending_extension_days: event.data.workingDays };
    case T.ExtensionApproved:
      return { ...next, deadline: event.data.deadline, pending_extension_days: null };
    case T.ExtensionRejected:
      return { ...next, pending_extension_days: null };
    case T.Escalated:
      return { ...next, level: event.data.to };
    case T.SupervisionIssued:
      return { ...next, supervision_count: row.supervision_count + 1 };
    case T.Resolved:
      return {
        ...next,
        outcome: event.data.outcome,
        resolved_on: event.data.resolvedOn,
        pending_extension_days: null,
      };
    case T.FollowedUp:
      return { ...next, satisfaction: event.data.satisfaction };
    case T.Reopened:
      // 重办's new time limit (v2); a reopen from before the rule (upcast from v1) kept the old deadline.
      return { ...next, outcome: null, resolved_on: null, reopen_count: row.reopen_count + 1, deadline: event.data.deadline ?? row.deadline };
    case T.Closed:
      return { ...next, closed_on: event.data.closedOn };
    case T.Merged:
      return { ...next, merged_into: event.data.intoProblemId };
    default:
      return next;
  }
}

@Injectable()
@ReadModelProjection()
export class ProblemDetailsProjection extends RowProjection<ProblemDetailsRecord> {
  constructor() {
    super({
      name: 'problem-details',
      // 2: registered_by (the migration fills it in place; the rebuild this version asks for gives the same).
      // The history column went to problem_facts without a bump: the migration only dropped it.
      version: 2,
      handles: Object.values(T),
      table: 'problems',
      keyColumn: 'problem_id',
      columns: {
        problem_id: 'text',
        enterprise_uscc: 'text',
        title: 'text',
        description: 'text',
        category: 'text',
        source: 'text',
        visit_id: 'text',
        status: 'text',
        level: 'text',
        lead_unit_id: 'text',
        co_unit_ids: 'jsonb',
        registered_on: 'date',
        registered_by: 'text',
        assigned_on: 'date',
        deadline: 'date',
        outcome: 'text',
        resolved_on: 'date',
        satisfaction: 'text',
        closed_on: 'date',
        merged_into: 'text',
        pending_extension_days: 'integer',
        supervision_count: 'integer',
        reopen_count: 'integer',
        version: 'integer',
        updated_at: 'timestamptz',
      },
      rowKey: (e) => (e.streamId.startsWith('problem-') ? e.streamId.slice('problem-'.length) : null),
      streamPositionColumn: 'version',
      evolve: evolveProblemDetails,
    });
  }
}
