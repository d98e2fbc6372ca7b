import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UpcasterRegistry } from '@app/event-store';
import { WorkingCalendarModule } from '@app/support';
import { MonthlySummaryFiguresSource } from './monthly-summary/application/compute-figures';
import { GenerateMonthlySummaryHandler } from './monthly-summary/application/generate-monthly-summary';
import { MonthlySummariesProjection } from './monthly-summary/read-model/monthly-summaries.projection';
import { GetMonthlySummaryHandler } from './monthly-summary/read-model/monthly-summary.query';
import { MonthlySummaryRow } from './monthly-summary/read-model/monthly-summary.row';
import { monthlySummaryUpcasters } from './monthly-summary/domain/monthly-summary.upcasters';

/**
 * Reporting: the monthly summary (月报) — its command (API, worker jobs, CLI), its read model (projected by the
 * worker, or the API when PROJECTIONS_IN_API) and its query. The figures come from the other contexts' queries
 * through the QueryBus, so import this module beside SupportModule, SubsidiesModule and CertificationsModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MonthlySummaryRow]), WorkingCalendarModule],
  providers: [MonthlySummaryFiguresSource, GenerateMonthlySummaryHandler, GetMonthlySummaryHandler, MonthlySummariesProjection],
})
export class ReportingModule implements OnModuleInit {
  constructor(private readonly upcasters: UpcasterRegistry) {}

  /** Before any summary stream is read or projected. */
  onModuleInit(): void {
    monthlySummaryUpcasters.forEach((u) => this.upcasters.register(u));
  }
}
