import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkingCalendar } from '../../working-calendar/read-model/working-calendar.service';
import { safeWorkingDays } from '../domain/safe-working-days';
import { figureRecords, type FigureName, type FigureRecord } from '../domain/unit-figures';
import { loadProblemCourses, type CourseScope } from './load-problem-courses';

/** The records behind one unit's figure: what a click on a number opens. */
export class ListUnitFigureRecords {
  constructor(
    readonly scope: CourseScope,
    readonly unitId: string,
    readonly figure: FigureName,
    /** 'numerator': only the records counted above the line; 'denominator': all of them. */
    readonly part: 'numerator' | 'denominator',
    readonly limit: number,
    readonly offset: number,
  ) {}
}

export interface UnitFigureRecordsPage {
  total: number;
  items: FigureRecord[];
}

/** Stable order: by the date judged on, then problem id, then assignment number. */
const byDateThenProblem = (a: FigureRecord, b: FigureRecord) =>
  a.on.localeCompare(b.on) || a.problemId.localeCompare(b.problemId) || (a.assignmentSeq ?? 0) - (b.assignmentSeq ?? 0);

@QueryHandler(ListUnitFigureRecords)
export class ListUnitFigureRecordsHandler implements IQueryHandler<ListUnitFigureRecords, UnitFigureRecordsPage> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute({ scope, unitId, figure, part, limit, offset }: ListUnitFigureRecords): Promise<UnitFigureRecordsPage> {
    const courses = await loadProblemCourses(this.db, scope, safeWorkingDays(await this.calendar.snapshot()));
    const records = (figureRecords(courses, scope).get(figure) ?? [])
      .filter((r) => r.unitId === unitId && (part === 'denominator' || r.inNumerator))
      .sort(byDateThenProblem);
    return { total: records.length, items: records.slice(offset, offset + limit) };
  }
}
