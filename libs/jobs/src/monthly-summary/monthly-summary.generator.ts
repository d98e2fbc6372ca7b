import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GenerateMonthlySummary, type GenerateMonthlySummaryResult } from '@app/reporting';
import type { CommandContext } from '@app/platform';
import { MONTHLY_SUMMARY_GENERATOR, type MonthlySummaryGenerator } from './monthly-summary.job';

/**
 * Binds the job to the reporting context's GenerateMonthlySummary command, executed on the CommandBus
 * so the reporting module's handler (imported by the api, worker and cli modules) does the work.
 */
export const monthlySummaryGenerator: Provider = {
  provide: MONTHLY_SUMMARY_GENERATOR,
  inject: [CommandBus],
  useFactory: (commands: CommandBus): MonthlySummaryGenerator => ({
    generate: (month: string, context: CommandContext) =>
      commands.execute<GenerateMonthlySummary, GenerateMonthlySummaryResult>(new GenerateMonthlySummary(month, context)),
  }),
};
