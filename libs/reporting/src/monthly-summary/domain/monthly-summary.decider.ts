import { DomainError, assertNever, type Decider } from '@app/event-store';
import type { MonthlySummarySnapshot } from './monthly-summary.events';
import { MONTHLY_SUMMARY_SCHEMA_VERSION, MonthlySummaryEventTypes as T, type MonthlySummaryEvent } from './monthly-summary.events';

export interface GenerateMonthlySummaryCommand extends MonthlySummarySnapshot {
  type: 'GenerateMonthlySummary';
  /** Today in Asia/Shanghai, from the caller: decide never reads the clock. */
  today: string;
  /** A correction: regenerate an existing summary, keeping the earlier version visible. */
  reason?: string;
}

export type MonthlySummaryCommand = GenerateMonthlySummaryCommand;

export interface MonthlySummaryState {
  /** Versions generated so far (each event is one version; 0: none yet). */
  version: number;
  latestReason: string | null;
}

export class MonthNotEnded extends DomainError {
  readonly code = 'MONTH_NOT_ENDED';
  override readonly kind = 'invalid';
  constructor(month: string, asOf: string, today: string) {
    super(`The summary for ${month} can be generated from the day after ${asOf} (today is ${today})`, { month, asOf, today });
  }
}

function decide(command: MonthlySummaryCommand, state: MonthlySummaryState): MonthlySummaryEvent[] {
  switch (command.type) {
    case 'GenerateMonthlySummary': {
      const { month, zone, asOf, computedAtPosition, cut, figures, today } = command;
      if (asOf >= today) throw new MonthNotEnded(month, asOf, today);
      const snapshot: MonthlySummarySnapshot = { month, zone, asOf, computedAtPosition, cut, figures };
      const schemaVersion = MONTHLY_SUMMARY_SCHEMA_VERSION;
      if (state.version === 0) return [{ type: T.Generated, schemaVersion, data: snapshot }];
      const reason = command.reason?.trim();
      // Generating again is a no-op; so is a retried correction (the latest version already carries its reason).
      if (!reason || reason === state.latestReason) return [];
      return [{ type: T.Regenerated, schemaVersion, data: { ...snapshot, reason, supersedesVersion: state.version } }];
    }
    default:
      return assertNever(command.type, 'command');
  }
}

function evolve(state: MonthlySummaryState, event: MonthlySummaryEvent): MonthlySummaryState {
  switch (event.type) {
    case T.Generated:
      return { version: state.version + 1, latestReason: null };
    case T.Regenerated:
      return { version: state.version + 1, latestReason: event.data.reason };
    default:
      return state;
  }
}

/** 月报: one stream per zone and month; the first generation is the snapshot, each correction a new version. */
export const monthlySummaryDecider: Decider<MonthlySummaryCommand, MonthlySummaryState, MonthlySummaryEvent> = {
  initialState: () => ({ version: 0, latestReason: null }),
  decide,
  evolve,
};
