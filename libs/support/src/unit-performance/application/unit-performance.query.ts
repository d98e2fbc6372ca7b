import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HandlingUnitDirectory } from '../../handling-units/read-model/handling-units.query';
import { WorkingCalendar } from '../../working-calendar/read-model/working-calendar.service';
import { safeWorkingDays } from '../domain/safe-working-days';
import { bounced, FIGURE_NAMES, transferRecords, unitFigures, type TransferRecord, type UnitFigures } from '../domain/unit-figures';
import { rankUnits, type UnitRanking } from '../domain/unit-ranking';
import { loadProblemCourses, type CourseScope } from './load-problem-courses';

/** At most this many bounced problems are listed inline; the rest are counted (bouncedTotal). */
export const MAX_BOUNCED_LISTED = 50;

export class GetUnitPerformance {
  constructor(
    readonly scope: CourseScope,
    /** The month before (same asOf/knownAt rules), for the change of each figure; null: no comparison. */
    readonly previous: CourseScope | null,
    /** A unit handler's own unit: only its row (and its problems' 流转) is returned. */
    readonly unitId: string | null,
  ) {}
}

export type NamedUnitFigures = UnitFigures & { unitName: string | null };

export interface UnitPerformance {
  scope: CourseScope;
  previousScope: CourseScope | null;
  units: NamedUnitFigures[];
  /** One ranking per figure: scored units best first, the lowest three with causes, unscored apart. */
  rankings: UnitRanking[];
  /** Problems first assigned in the period that bounced more than twice, most transfers first. */
  bounced: TransferRecord[];
  bouncedTotal: number;
  /** 流转 over the period's problems: how many, average transfers, worst limbo. */
  transfers: { problems: number; averageTransfers: number | null; worstLimboWorkingDays: number | null };
}

@QueryHandler(GetUnitPerformance)
export class GetUnitPerformanceHandler implements IQueryHandler<GetUnitPerformance, UnitPerformance> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly units: HandlingUnitDirectory,
  ) {}

  async execute({ scope, previous, unitId }: GetUnitPerformance): Promise<UnitPerformance> {
    const days = safeWorkingDays(await this.calendar.snapshot());
    const courses = await loadProblemCourses(this.db, scope, days);
    const priorFigures = previous ? unitFigures(await loadProblemCourses(this.db, previous, days), previous) : [];
    const own = <T extends { unitId: string }>(rows: T[]) => (unitId === null ? rows : rows.filter((r) => r.unitId === unitId));
    const figures = own(unitFigures(courses, scope));
    const prior = own(priorFigures);
    const names = await this.units.names(figures.map((f) => f.unitId));
    let transfers = transferRecords(courses, scope);
    if (unitId !== null) transfers = transfers.filter((t) => t.units.includes(unitId));
    const bouncedAll = bounced(transfers);
    const limbo = transfers.map((t) => t.limboWorkingDays).filter((d): d is number => d !== null);
    return {
      scope,
      previousScope: previous,
      units: figures.map((f) => ({ ...f, unitName: names.get(f.unitId) ?? null })),
      rankings: FIGURE_NAMES.map((by) => rankUnits(figures, prior, by)),
      bounced: bouncedAll.slice(0, MAX_BOUNCED_LISTED),
      bouncedTotal: bouncedAll.length,
      transfers: {
        problems: transfers.length,
        averageTransfers: transfers.length === 0 ? null : Math.round((transfers.reduce((s, t) => s + t.transfers, 0) / transfers.length) * 10) / 10,
        worstLimboWorkingDays: limbo.length === 0 ? null : limbo.reduce((m, d) => (d > m ? d : m), 0),
      },
    };
  }
}
