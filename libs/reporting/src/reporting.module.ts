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
import { DigestSource } from './unit-digest/application/digest-source';
import { GenerateUnitDigestHandler } from './unit-digest/application/generate-unit-digest';
import { UnitDigestsProjection } from './unit-digest/read-model/unit-digests.projection';
import { GetUnitDigestHandler, ListDigestDatesHandler } from './unit-digest/read-model/unit-digest.query';
import { UnitDigestRow } from './unit-digest/read-model/unit-digest.row';

/**
 * Reporting: the monthly summary (月报) and the daily unit digest (每日提醒) — its command (API, worker jobs, CLI), its read model (projected by the
 * worker, or the API when PROJECTIONS_IN_API) and its query. The figures come from the other contexts' queries
 * through the QueryBus, so import this module beside SupportModule, SubsidiesModule and CertificationsModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MonthlySummaryRow, UnitDigestRow]), WorkingCalendarModule],
  providers: [
    MonthlySummaryFiguresSource,
    GenerateMonthlySummaryHandler,
    GetMonthlySummaryHandler,
    MonthlySummariesProjection,
    DigestSource,
    GenerateUnitDigestHandler,
    GetUnitDigestHandler,
    ListDigestDatesHandler,
    UnitDigestsProjection,
  ],
})
export class ReportingModule implements OnModuleInit {
  constructor(private readonly upcasters: UpcasterRegistry) {}

  /** Before any summary stream is read or projected. */
  onModuleInit(): void {
    monthlySummaryUpcasters.forEach((u) => this.upcasters.register(u));
  }
}
