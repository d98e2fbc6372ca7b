import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EVENT_STORE, ReadModelWaiter, type EventStore } from '@app/event-store';
import { AppConfig } from '@app/platform';
import { WorkingCalendar, safeWorkingDays, warningCutoffs, warningSql, type WorkingDays } from '@app/support';
import type { LogCut } from '../../monthly-summary/domain/monthly-summary.events';
import type { ColouredProblem, UnacceptedProblem } from '../domain/digest-lines';

/** The read models the digest reads; they must have caught up with the log's head before it is read. */
const PROBLEM_DETAILS = 'problem-details';
const READ_MODELS = [PROBLEM_DETAILS, 'problem-facts', 'handling-units', 'enterprise-directory'];

export interface DigestInputs {
  cut: LogCut;
  calendar: WorkingDays;
  units: { unitId: string; name: string }[];
  coloured: ColouredProblem[];
  unaccepted: UnacceptedProblem[];
}

/**
 * What a digest is computed from, read in one snapshot (REPEATABLE READ) together with the problems read model's
 * checkpoint. That checkpoint commits with the rows, so the rows seen are exactly the log up to it: the cut is
 * real, and recorded with the digest. The colours come from the shared 三色预警 SQL (warning-sql.ts).
 */
@Injectable()
export class DigestSource {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly config: AppConfig,
    private readonly waiter: ReadModelWaiter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async read(date: string): Promise<DigestInputs> {
    const head = await this.store.settledHead(this.config.projections.waitForTimeoutMs);
    if (head.globalPosition > 0) await this.waiter.waitFor(head.globalPosition, READ_MODELS, this.config.projections.waitForTimeoutMs);
    const calendar = safeWorkingDays(await this.calendar.snapshot());
    const cutoffs = warningCutoffs(date, this.config.warnings, calendar);
    return this.db.transaction('REPEATABLE READ', async (tx) => ({
      cut: await this.cutOf(tx),
      calendar,
      units: await tx.query(`SELECT unit_id AS "unitId", name FROM handling_units WHERE active ORDER BY unit_id`),
      coloured: await this.coloured(tx, cutoffs),
      unaccepted: await this.unaccepted(tx),
    }));
  }

  private async cutOf(tx: EntityManager): Promise<LogCut> {
    const rows: { transactionId: string; globalPosition: string; knownAt: string | null }[] = await tx.query(
      `SELECT c.transaction_id::text AS "transactionId", c.global_position::text AS "globalPosition",
              to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "knownAt"
       FROM projection_checkpoints c LEFT JOIN es_events e ON e.global_position = c.global_position WHERE c.name = $1`,
      [PROBLEM_DETAILS],
    );
    if (rows.length === 0) return { transactionId: '0', globalPosition: 0, knownAt: null };
    return { transactionId: rows[0].transactionId, globalPosition: Number(rows[0].globalPosition), knownAt: rows[0].knownAt };
  }

  private async coloured(tx: EntityManager, cutoffs: ReturnType<typeof warningCutoffs>): Promise<ColouredProblem[]> {
    const { expression, parameters } = warningSql(cutoffs);
    // warningSql speaks TypeORM's :named parameters; a raw query takes positional ones.
    const names = Object.keys(parameters);
    const positional = names.reduce((sql, name, i) => sql.replaceAll(`:${name}`, `$${i + 1}`), expression);
    return tx.query(
      `SELECT * FROM (
         SELECT p.problem_id AS "problemId", p.title, p.enterprise_uscc AS "enterpriseUscc", e.name AS "enterpriseName",
                p.lead_unit_id AS "leadUnitId", p.status, p.assigned_on::text AS "assignedOn", p.deadline::text AS deadline,
                p.pending_extension_days AS "pendingExtensionDays", ${positional} AS colour
         FROM problems p LEFT JOIN enterprises e ON e.uscc = p.enterprise_uscc
         WHERE p.status IN ('assigned', 'accepted', 'in_progress') AND p.lead_unit_id IS NOT NULL) coloured
       WHERE colour IS NOT NULL ORDER BY "problemId"`,
      names.map((n) => parameters[n]),
    );
  }

  /**
   * Assigned and not accepted (since its 交办), or returned and not assigned again (since the return, read from the
   * problem's facts up to the row's own stream version, so no later fact leaks past the cut).
   */
  private async unaccepted(tx: EntityManager): Promise<UnacceptedProblem[]> {
    return tx.query(
      `SELECT * FROM (
         SELECT p.problem_id AS "problemId", p.title, p.enterprise_uscc AS "enterpriseUscc", e.name AS "enterpriseName",
                p.lead_unit_id AS "unitId", CASE WHEN p.status = 'assigned' THEN 'assigned' ELSE 'returned' END AS state,
                CASE WHEN p.status = 'assigned' THEN p.assigned_on::text ELSE (
                  SELECT max(f.on_date)::text FROM problem_facts f
                  WHERE f.problem_id = p.problem_id AND f.type = 'ProblemReturned' AND f.stream_position <= p.version) END AS since
         FROM problems p LEFT JOIN enterprises e ON e.uscc = p.enterprise_uscc
         WHERE p.status = 'assigned' OR p.status = 'registered') waiting
       WHERE since IS NOT NULL ORDER BY "problemId"`,
    );
  }
}
