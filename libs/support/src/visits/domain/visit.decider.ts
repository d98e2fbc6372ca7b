import { DomainError, assertNever, type Decider } from '@app/event-store';
import { VisitEventTypes as T, type VisitEvent, type VisitLogged } from './visit.events';

export type VisitCommand =
  /** today (Asia/Shanghai, from the handler's clock): a visit cannot be dated in the future. */
  | ({ type: 'LogVisit'; today?: string } & VisitLogged['data'])
  /**
   * on: the day it is recorded (kept on the event as voidedOn). countedProblemIds: the problems, as the handler read
   * them from their streams, that still count on their own (not merged, not withdrawn).
   */
  | { type: 'VoidVisit'; reason: string; on: string; countedProblemIds: readonly string[] };

export class VisitDatedInFuture extends DomainError {
  readonly code = 'VISIT_IN_FUTURE';
  override readonly kind = 'invalid';
}

export interface VisitState {
  status: 'none' | 'logged' | 'voided';
  visitId: string | null;
  visitedOn: string | null;
  problemIds: string[];
}

export class VisitNotFound extends DomainError {
  readonly code = 'VISIT_NOT_FOUND';
  override readonly kind = 'not_found';
}

export class VisitAlreadyLogged extends DomainError {
  readonly code = 'VISIT_ALREADY_LOGGED';
}

export class VisitAlreadyVoided extends DomainError {
  readonly code = 'VISIT_ALREADY_VOIDED';
}

/** A void must not leave the visit's problems counting silently: each is merged into its original or withdrawn first. */
export class VisitProblemsStillCounted extends DomainError {
  readonly code = 'VISIT_PROBLEMS_STILL_COUNTED';
}

const dayStart = (date: string) => `${date}T00:00:00+08:00`;

export const visitDecider: Decider<VisitCommand, VisitState, VisitEvent> = {
  initialState: () => ({ status: 'none', visitId: null, visitedOn: null, problemIds: [] }),

  evolve(state, event) {
    switch (event.type) {
      case T.Logged:
        return { status: 'logged', visitId: event.data.visitId, visitedOn: event.data.visitedOn, problemIds: event.data.problemIds };
      case T.Voided:
        return { ...state, status: 'voided' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'LogVisit': {
        if (state.status !== 'none') throw new VisitAlreadyLogged(`Visit ${command.visitId} is logged already`);
        if (command.today && command.visitedOn > command.today) {
          throw new VisitDatedInFuture(`visitedOn (${command.visitedOn}) is in the future`, { field: 'visitedOn' });
        }
        const { visitId, enterpriseUscc, visitedOn, caseworkerIds, form, notes, problemIds } = command;
        const data = { visitId, enterpriseUscc, visitedOn, caseworkerIds, form, notes, problemIds };
        return [{ type: T.Logged, businessTime: dayStart(visitedOn), data }];
      }
      case 'VoidVisit':
        if (state.status === 'none') throw new VisitNotFound('No such visit');
        if (state.status === 'voided') throw new VisitAlreadyVoided(`Visit ${state.visitId} is void already`);
        {
          const counted = state.problemIds.filter((id) => command.countedProblemIds.includes(id)).sort();
          if (counted.length > 0) {
            throw new VisitProblemsStillCounted(
              `Visit ${state.visitId} raised problems that still count (${counted.join(', ')}): merge them into the originals or withdraw them first`,
              { problemIds: counted },
            );
          }
        }
        // A correction, not a new fact: filed under the visit's own date; it takes effect from the instant it is
        // recorded (the figures read recorded_at, so knownAt before it still shows the visit).
        return [{ type: T.Voided, businessTime: dayStart(state.visitedOn ?? command.on), data: { reason: command.reason, voidedOn: command.on } }];
      default:
        return assertNever(command, 'visit command');
    }
  },
};
