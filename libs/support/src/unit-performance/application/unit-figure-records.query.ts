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

/**
 * The problems behind one unit's figure, each once, in the records' order: what an export of the records writes
 * (one row per problem; a problem with two 交办 to the unit is one row, its assignments listed in it).
 */
export class ListUnitFigureProblems {
  constructor(
    readonly scope: CourseScope,
    readonly unitId: string,
    readonly figure: FigureName,
    readonly part: 'numerator' | 'denominator',
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

/** One unit's records of one figure, in the stable order, from the courses folded for the scope. */
async function unitRecords(db: DataSource, calendar: WorkingCalendar, q: ListUnitFigureRecords | ListUnitFigureProblems): Promise<FigureRecord[]> {
  const courses = await loadProblemCourses(db, q.scope, safeWorkingDays(await calendar.snapshot()));
  return (figureRecords(courses, q.scope).get(q.figure) ?? [])
    .filter((r) => r.unitId === q.unitId && (q.part === 'denominator' || r.inNumerator))
    .sort(byDateThenProblem);
}

@QueryHandler(ListUnitFigureRecords)
export class ListUnitFigureRecordsHandler implements IQueryHandler<ListUnitFigureRecords, UnitFigureRecordsPage> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(query: ListUnitFigureRecords): Promise<UnitFigureRecordsPage> {
    const records = await unitRecords(this.db, this.calendar, query);
    const page = records.slice(query.offset, query.offset + query.limit);
    const titles: { problem_id: string; title: string }[] = page.length === 0 ? [] :
      await this.db.query('SELECT problem_id, title FROM problems WHERE problem_id = ANY($1::text[])', [[...new Set(page.map((r) => r.problemId))]]);
    const titleOf = new Map(titles.map((t) => [t.problem_id, t.title]));
    return { total: records.length, items: page.map((r) => ({ ...r, title: titleOf.get(r.problemId) ?? null })) };
  }
}

@QueryHandler(ListUnitFigureProblems)
export class ListUnitFigureProblemsHandler implements IQueryHandler<ListUnitFigureProblems, string[]> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(query: ListUnitFigureProblems): Promise<string[]> {
    return [...new Set((await unitRecords(this.db, this.calendar, query)).map((r) => r.problemId))];
  }
}
