import { Module, type OnModuleInit } from '@nestjs/common';
import { UpcasterRegistry } from '@app/event-store';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExecuteProblemCommandHandler } from './problems/application/execute-problem-command';
import { RegisterProblemHandler } from './problems/application/register-problem';
import { GetProblemHandler } from './problems/queries/problem-details.query';
import { ListProblemsHandler } from './problems/queries/problem-list.query';
import { problemUpcasters } from './problems/domain/problem.upcasters';
import { ProblemDetailsProjection } from './problems/read-models/problem-details/problem-details.projection';
import { ProblemDetailsRow } from './problems/read-models/problem-details/problem-details.row';
import { ProblemFactRow } from './problems/read-models/problem-facts/problem-fact.row';
import { ProblemSnapshotRow } from './problems/read-models/problem-facts/problem-snapshot.row';
import { ProblemFactsProjection } from './problems/read-models/problem-facts/problem-facts.projection';
import { GetResolutionMetricsHandler, ListResolutionFigureProblemsHandler } from './metrics/resolution-metrics.query';
import { GetVisitMetricsHandler } from './metrics/visit-metrics.query';
import { LogVisitHandler } from './visits/application/log-visit';
import { VoidVisitHandler } from './visits/application/void-visit';
import { VisitRow } from './visits/read-models/visit.row';
import { VisitsProjection } from './visits/read-models/visits.projection';
import { ListVisitsHandler } from './visits/queries/visit-list.query';
import { WorkingCalendarModule } from './working-calendar';
import { HandlingUnitsModule } from './handling-units';
import { GetUnitPerformanceHandler, ListUnitFigureProblemsHandler, ListUnitFigureRecordsHandler } from './unit-performance';
import { ProblemWarnings } from './problem-warnings/problem-warnings.service';

/** Visits and problems: command handlers (API), projections (worker), queries and metrics. */
@Module({
  imports: [TypeOrmModule.forFeature([ProblemDetailsRow, ProblemFactRow, ProblemSnapshotRow, VisitRow]), WorkingCalendarModule, HandlingUnitsModule],
  providers: [
    ExecuteProblemCommandHandler,
    RegisterProblemHandler,
    LogVisitHandler,
    VoidVisitHandler,
    GetProblemHandler,
    ListProblemsHandler,
    ListVisitsHandler,
    GetResolutionMetricsHandler,
    ListResolutionFigureProblemsHandler,
    GetVisitMetricsHandler,
    GetUnitPerformanceHandler,
    ListUnitFigureRecordsHandler,
    ListUnitFigureProblemsHandler,
    ProblemDetailsProjection,
    ProblemFactsProjection,
    VisitsProjection,
    ProblemWarnings,
  ],
  exports: [ProblemWarnings, WorkingCalendarModule, HandlingUnitsModule],
})
export class SupportModule implements OnModuleInit {
  constructor(private readonly upcasters: UpcasterRegistry) {}

  /** Before any stream is read or projected (the projection runner starts at bootstrap, after every init). */
  onModuleInit(): void {
    problemUpcasters.forEach((u) => this.upcasters.register(u));
  }
}
