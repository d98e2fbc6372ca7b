import { ProblemExportController } from './problem-export/problem-export.controller';
import { ProblemExporter } from './problem-export/problem-export.service';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificationsModule, EnterprisesModule } from '@app/enterprises';
import { AuthModule, PlatformModule } from '@app/platform';
import { AuthController } from './auth/auth.controller';
import { LoginThrottlingModule } from './auth/login-throttling';
import { UsersController } from './auth/users.controller';
import { EnterprisesController } from './enterprises/enterprises.controller';
import { EnterpriseProfile } from './enterprises/enterprise-profile';
import { CertificationCountsController } from './certifications/certification-counts.controller';
import { CertificationImportsController } from './certifications/certification-imports.controller';
import { CertificationsController } from './certifications/certifications.controller';
import { ConsistentReadInterceptor } from './http/consistent-read.interceptor';
import { DomainErrorFilter } from './http/domain-error.filter';
import { UnexpectedErrorFilter } from './http/unexpected-error.filter';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { HttpIdempotencyRow } from './http/http-idempotency.entity';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { HealthController } from './observability/health.controller';
import { MetricsController } from './observability/metrics.controller';
import { HttpMetrics } from './observability/http-metrics';
import { CalendarController } from './calendar/calendar.controller';
import { ReportingModule } from '@app/reporting';
import { SubsidiesModule } from '@app/subsidies';
import { SupportModule, WorkingCalendarModule } from '@app/support';
import { SupportMetricsController } from './support/metrics.controller';
import { UnitPerformanceController } from './unit-performance/unit-performance.controller';
import { ProblemQueriesController } from './support/problem-queries.controller';
import { ProblemsController } from './support/problems.controller';
import { ProblemReader } from './support/problem-reader';
import { ProblemWarningsController } from './support/warnings/problem-warnings.controller';
import { VisitsController } from './support/visits.controller';
import { SubsidiesController } from './subsidies/subsidies.controller';
import { AdminJobsModule } from './admin-jobs/admin-jobs.module';
import { AdminProjectionsController } from './admin-projections/admin-projections.controller';
import { MonthlyReportsController } from './reporting/monthly-reports.controller';
import { UnitDigestsController } from './reporting/unit-digests.controller';
import { ConsoleModule } from './console/console.module';
import { DemoModule } from '@app/demo';
import { HandlingUnitsController } from './handling-units/handling-units.controller';

@Module({})
export class ApiModule {
  /**
   * Built at start-up so the environment is read then (see PlatformConfigModule). `demo`: also the demo
   * zone's loader (`npm run demo`), which drives this app's own command handlers before it listens.
   */
  static register({ demo = false }: { demo?: boolean } = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ role: 'api' }),
        AuthModule.register({ guard: true }),
        TypeOrmModule.forFeature([HttpIdempotencyRow]),
        WorkingCalendarModule.withSeeding(),
        EnterprisesModule,
        CertificationsModule,
        SupportModule,
        SubsidiesModule,
        ReportingModule,
        AdminJobsModule,
        ConsoleModule,
        ...(demo ? [DemoModule] : []),
        LoginThrottlingModule,
      ],
      controllers: [
        HealthController,
        MetricsController,
        AuthController,
        UsersController,
        EnterprisesController,
        CertificationImportsController,
        CertificationCountsController,
        CertificationsController,
        CalendarController,
        HandlingUnitsController,
        ProblemsController,
        // Before ProblemQueriesController: its GET :id would otherwise take /problems/export.xlsx.
        ProblemExportController,
        ProblemQueriesController,
        VisitsController,
        SupportMetricsController,
        UnitPerformanceController,
        ProblemWarningsController,
        SubsidiesController,
        MonthlyReportsController,
        UnitDigestsController,
        AdminProjectionsController,
      ],
      providers: [
        EnterpriseProfile,
        ProblemReader,
        ProblemExporter,
        HttpMetrics,
        { provide: APP_FILTER, useClass: UnexpectedErrorFilter },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ConsistentReadInterceptor },
      ],
    };
  }
}
