import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SetCalendarYearHandler } from './application/set-calendar-year.handler';
import { WorkingCalendarDayRow } from './read-model/working-calendar-day.entity';
import { WorkingCalendarDaysProjection } from './read-model/working-calendar-days.projection';
import { WorkingCalendar } from './read-model/working-calendar.service';
import { CalendarSeeder } from './seed/calendar-seeder';

/**
 * The working-day calendar: its read model and projection, the WorkingCalendar service, and the
 * administrator's command. Import it plainly wherever deadlines are computed and in the worker (which
 * runs the projection); the API imports WorkingCalendarModule.withSeeding() instead.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WorkingCalendarDayRow])],
  providers: [WorkingCalendar, WorkingCalendarDaysProjection, SetCalendarYearHandler],
  exports: [WorkingCalendar],
})
export class WorkingCalendarModule {
  /**
   * Also seeds 2024–2026 from chinese-days at start-up. A separate module around the same
   * WorkingCalendarModule, so importing both never registers the projection twice.
   */
  static withSeeding(): DynamicModule {
    return { module: WorkingCalendarSeedingModule, imports: [WorkingCalendarModule], providers: [CalendarSeeder], exports: [WorkingCalendarModule] };
  }
}

@Module({})
class WorkingCalendarSeedingModule {}
