// The working calendar's public surface. Import from here, never from its files.
export * from './working-calendar.module';
export * from './read-model/working-calendar.service';
export * from './read-model/working-calendar-day.entity';
export * from './read-model/working-calendar-days.projection';
export * from './application/set-calendar-year.handler';
export * from './seed/calendar-seeder';
export * from './seed/chinese-days.source';
export * from './domain/working-days';
export * from './domain/calendar.errors';
export * from './domain/calendar.events';
export * from './domain/calendar.commands';
export * from './domain/calendar.decider';
export { MAX_CALENDAR_YEAR, MAX_DAY_NAME_LENGTH, MAX_REASON_LENGTH, MIN_CALENDAR_YEAR } from './domain/calendar-content';
export { isIsoDate } from './domain/calendar-dates';
