import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { AppConfig } from '@app/platform';
import { ProblemDetailsRow } from '../problems/read-models/problem-details/problem-details.row';
import { WorkingCalendar } from '../working-calendar/read-model/working-calendar.service';
import { safeWorkingDays } from '../unit-performance/domain/safe-working-days';
import { warningOfRow, type WarningColour, type WarningColumns } from './warning-of-row';
import { warningCutoffs, type WarningCutoffs } from './warning-cutoffs';
import { warningSql } from './warning-sql';

export interface UnitWarningCount {
  unitId: string;
  red: number;
  yellow: number;
  blue: number;
}

/**
 * 三色预警 for pages and counts. A page of rows is coloured with the definition itself (one calendar snapshot
 * per page); counts go to SQL through the cutoffs, one grouped statement over the open problems.
 */
@Injectable()
export class ProblemWarnings {
  constructor(
    @InjectRepository(ProblemDetailsRow) private readonly problems: Repository<ProblemDetailsRow>,
    private readonly calendar: WorkingCalendar,
    private readonly config: AppConfig,
  ) {}

  async colour<T extends WarningColumns>(rows: readonly T[], today: string): Promise<(T & { warning: WarningColour | null })[]> {
    const calendar = safeWorkingDays(await this.calendar.snapshot());
    return rows.map((r) => ({ ...r, warning: warningOfRow(r, today, this.config.warnings, calendar) }));
  }

  /** colour() for rows read later, one at a time (an export's pages): the calendar is read once, now. */
  async colourOn(today: string): Promise<(row: WarningColumns) => WarningColour | null> {
    const calendar = safeWorkingDays(await this.calendar.snapshot());
    return (row) => warningOfRow(row, today, this.config.warnings, calendar);
  }

  async cutoffs(today: string): Promise<WarningCutoffs> {
    return warningCutoffs(today, this.config.warnings, safeWorkingDays(await this.calendar.snapshot()));
  }

  /** Per lead unit (the unit that must act), every unit with at least one coloured open problem; or only `unitId`'s. */
  async countsPerUnit(today: string, unitId?: string): Promise<UnitWarningCount[]> {
    const { expression, parameters } = warningSql(await this.cutoffs(today));
    const q = this.problems
      .createQueryBuilder('p')
      .select('p.lead_unit_id', 'unitId')
      .addSelect(`COUNT(*) FILTER (WHERE ${expression} = 'red')::int`, 'red')
      .addSelect(`COUNT(*) FILTER (WHERE ${expression} = 'yellow')::int`, 'yellow')
      .addSelect(`COUNT(*) FILTER (WHERE ${expression} = 'blue')::int`, 'blue')
      .where(`p.status IN ('assigned', 'accepted', 'in_progress')`)
      .andWhere('p.lead_unit_id IS NOT NULL')
      .andWhere(new Brackets((b) => b.where(`${expression} IS NOT NULL`)))
      .setParameters(parameters)
      .groupBy('p.lead_unit_id')
      .orderBy('p.lead_unit_id');
    if (unitId !== undefined) q.andWhere('p.lead_unit_id = :unitId', { unitId });
    return q.getRawMany<UnitWarningCount>();
  }
}
