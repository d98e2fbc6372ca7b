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

/** A record as listed: with the problem's title, so a page of records reads without opening each problem. */
export type ListedFigureRecord = FigureRecord & { title: string | null };

export interface UnitFigureRecordsPage {
  total: number;
  items: ListedFigureRecord[];
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
    const page = records.slice(offset, offset + limit);
    const titles: { problem_id: string; title: string }[] = page.length === 0 ? [] :
      await this.db.query('SELECT problem_id, title FROM problems WHERE problem_id = ANY($1::text[])', [[...new Set(page.map((r) => r.problemId))]]);
    const titleOf = new Map(titles.map((t) => [t.problem_id, t.title]));
    return { total: records.length, items: page.map((r) => ({ ...r, title: titleOf.get(r.problemId) ?? null })) };
  }
}
