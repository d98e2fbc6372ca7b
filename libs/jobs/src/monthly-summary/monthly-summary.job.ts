import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandContext } from '@app/platform';

/** What GenerateMonthlySummary's handler answers (see '@app/reporting'). */
export interface MonthlySummaryOutcome {
  streamId: string;
  month: string;
  version: number;
  position: number | null;
  /** False when the month's summary already existed: the run was a no-op. */
  generated: boolean;
}

/** Generates one month's summary; bound to the reporting context's command (monthly-summary.generator.ts). */
export interface MonthlySummaryGenerator {
  generate(month: string, context: CommandContext): Promise<MonthlySummaryOutcome>;
}
export const MONTHLY_SUMMARY_GENERATOR = Symbol('MonthlySummaryGenerator');

/**
 * 月报: closes the books for a month. Idempotent by the summary stream's expected version (a second run
 * for the same month appends nothing), which is what makes a retry after a crash safe.
 */
@Injectable()
export class MonthlySummaryJob {
  private readonly logger = new Logger('MonthlySummary');

  constructor(@Inject(MONTHLY_SUMMARY_GENERATOR) private readonly generator: MonthlySummaryGenerator) {}

  async run(month: string, runId: string): Promise<MonthlySummaryOutcome> {
    const outcome = await this.generator.generate(month, { actor: { id: 'system' }, correlationId: runId });
    this.logger.log(`Monthly summary ${month}: ${outcome.generated ? `generated (version ${outcome.version})` : 'already generated, nothing appended'}`);
    return outcome;
  }
}
