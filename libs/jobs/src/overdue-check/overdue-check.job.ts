import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConcurrencyError, EVENT_STORE, ReadModelWaiter, type EventStore } from '@app/event-store';
import { AppConfig, CommandRunner } from '@app/platform';
import { problemDecider, problemStreamId, WorkingCalendar, type ProblemCommand } from '@app/support';

export interface OverdueCheckResult {
  on: string;
  /** Problems open past their deadline on `on`. */
  overdue: number;
  /** Problems that got an event from this run (flagged, 督办 issued, or both). */
  changed: number;
  eventsAppended: number;
}

/** Statuses in which a deadline runs; the decider checks the same list and decides [] otherwise. */
const RUNNING = ['assigned', 'accepted', 'in_progress'];
/** The read model this job reads; it must have caught up with the log before the job decides anything. */
const PROBLEM_DETAILS = 'problem-details';
/** A job may wait longer than a request for a lagging projection; past this it fails and is retried. */
const CATCH_UP_TIMEOUT_MS = 30_000;

/**
 * 逾期检查: each open problem past its working-day deadline gets CheckOverdue. The decider flags it and
 * issues 督办 at most once per deadline, so re-running the job (a retry, a manual run) appends nothing new.
 */
@Injectable()
export class OverdueCheckJob {
  private readonly logger = new Logger('OverdueCheck');

  constructor(
    private readonly db: DataSource,
    private readonly runner: CommandRunner,
    private readonly calendar: WorkingCalendar,
    private readonly config: AppConfig,
    private readonly waiter: ReadModelWaiter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run(on: string, runId: string): Promise<OverdueCheckResult> {
    // Read the problems as of the log's head, so each row's version is its stream's (a run right after
    // another would otherwise see the first run's events missing and conflict on every flagged problem).
    const head = await this.store.settledHead(CATCH_UP_TIMEOUT_MS);
    if (head.globalPosition > 0) await this.waiter.waitFor(head.globalPosition, [PROBLEM_DETAILS], CATCH_UP_TIMEOUT_MS);
    const rows: { problemId: string; deadline: string; version: number }[] = await this.db.query(
      `SELECT problem_id AS "problemId", deadline::text AS deadline, version FROM problems
       WHERE status = ANY($1) AND deadline < $2::date ORDER BY deadline, problem_id`,
      [RUNNING, on],
    );
    const calendar = await this.calendar.snapshot();
    const superviseAfterWorkingDays = this.config.jobs.superviseAfterWorkingDays;
    const result: OverdueCheckResult = { on, overdue: 0, changed: 0, eventsAppended: 0 };
    const failures: string[] = [];
    for (const row of rows) {
      const workingDaysOverdue = calendar.workingDaysBetween(row.deadline, on);
      if (workingDaysOverdue <= 0) continue; // past by calendar days only, e.g. a deadline on Friday checked on Sunday
      result.overdue += 1;
      const command: ProblemCommand = {
        type: 'CheckOverdue',
        workingDaysOverdue,
        superviseAfterWorkingDays,
        actor: { userId: 'system', role: 'system', unitId: null },
        on,
        problemId: row.problemId,
      };
      try {
        // The days overdue were computed from the read model's deadline: pin its version so a deadline
        // moved since (an extension not yet projected) refuses the append instead of flagging wrongly.
        const outcome = await this.runner.run(problemStreamId(row.problemId), problemDecider, command, { actor: { id: 'system' }, correlationId: runId }, { expectedVersion: row.version });
        if (outcome.events.length > 0) result.changed += 1;
        result.eventsAppended += outcome.events.length;
      } catch (error) {
        failures.push(error instanceof ConcurrencyError ? `${row.problemId}: changed since the read model was read` : `${row.problemId}: ${(error as Error).message}`);
      }
    }
    this.logger.log(`Overdue check for ${on}: ${result.overdue} overdue, ${result.changed} flagged or escalated now`);
    // Fail the run after doing every problem that could be done, so the retry only has the rest to do.
    if (failures.length > 0) throw new Error(`Overdue check for ${on}: ${failures.length} problem(s) not checked — ${failures.slice(0, 5).join('; ')}`);
    return result;
  }
}
