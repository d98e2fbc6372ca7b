import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, todayInShanghai } from '@app/platform';
import {
  GetResolutionMetrics,
  GetVisitMetrics,
  WorkingCalendar,
} from '@app/support';
import { ResolutionMetricsQueryDto, VisitMetricsQueryDto } from './dto/support-queries.dto';

/** The figures managers publish; every rate comes with numerator, denominator and scope. */
@ApiTags('metrics')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@Controller('api/v1/metrics')
export class SupportMetricsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly calendar: WorkingCalendar,
  ) {}

  @Get('resolution')
  async resolution(@Query() q: ResolutionMetricsQueryDto) {
    const asOf = q.asOf ?? todayInShanghai();
    const calculator = await this.calendar.snapshot();
    const between = (from: string, to: string) => {
      try {
        return calculator.workingDaysBetween(from, to);
      } catch {
        return null; // a year outside the loaded calendar: no median rather than a wrong one
      }
    };
    return this.queries.execute(
      new GetResolutionMetrics(
        { kind: q.scope, from: q.from, to: q.scope === 'cumulative' ? asOf : (q.to ?? asOf), asOf, knownAt: q.knownAt?.toISOString() ?? null },
        q.groupBy,
        between,
      ),
    );
  }

  @Get('visits')
  visits(@Query() q: VisitMetricsQueryDto) {
    return this.queries.execute(new GetVisitMetrics(q.from, q.to, q.asOf ?? todayInShanghai(), q.groupBy));
  }
}
