import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConcurrencyError } from '@app/event-store';
import { CommandRunner } from '@app/platform';
import { calendarYearDecider } from '../domain/calendar.decider';
import { calendarStreamId } from '../domain/calendar.events';
import { CHINESE_DAYS_SOURCE, SEEDED_YEARS, chineseDaysYear } from './chinese-days.source';

const SYSTEM_ACTOR = { id: 'system' };

/**
 * Loads the seeded years from chinese-days when their stream does not exist yet. Only for processes
 * that run commands (the API): the append is guarded by "no stream yet", so replicas starting together
 * race harmlessly — the losers get a ConcurrencyError and move on — and a year an administrator has
 * loaded or corrected is never touched again.
 */
@Injectable()
export class CalendarSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('WorkingCalendar');

  constructor(private readonly runner: CommandRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    const loaded = await this.seed();
    if (loaded.length > 0) this.logger.log(`Working calendar: loaded ${loaded.join(', ')} from ${CHINESE_DAYS_SOURCE}`);
  }

  /** Returns the years this call loaded. */
  async seed(years: readonly number[] = SEEDED_YEARS): Promise<number[]> {
    const loaded: number[] = [];
    for (const year of years) {
      const content = chineseDaysYear(year);
      if (!content) {
        this.logger.warn(`Working calendar: ${CHINESE_DAYS_SOURCE} has no arrangement for ${year}; an administrator must load it`);
        continue;
      }
      try {
        const result = await this.runner.run(
          calendarStreamId(year),
          calendarYearDecider,
          { type: 'LoadCalendarYear', year, ...content, source: CHINESE_DAYS_SOURCE },
          { actor: SYSTEM_ACTOR, correlationId: `calendar-seed-${year}` },
          { expectedVersion: 0 },
        );
        if (result.events.length > 0) loaded.push(year);
      } catch (error) {
        // The stream exists (seeded before, loaded by an administrator, or another replica just won).
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
    return loaded;
  }
}
