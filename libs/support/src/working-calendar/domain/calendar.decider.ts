import { assertNever, type Decider } from '@app/event-store';
import { contentErrors, normalizeContent, reasonErrors, sameContent } from './calendar-content';
import type { CalendarCommand } from './calendar.commands';
import { CalendarYearAlreadyLoaded, CalendarYearInvalid } from './calendar.errors';
import { CalendarEventType, type CalendarEvent, type CalendarSource, type CalendarYearContent } from './calendar.events';

/** One year's calendar stream folded: the content in force and where it came from (null before a load). */
export interface CalendarYearState {
  content: CalendarYearContent | null;
  source: CalendarSource | null;
}

function validated(command: CalendarCommand, reasonRequired: boolean): CalendarYearContent {
  const errors = [...contentErrors(command.year, command), ...reasonErrors(command.reason, reasonRequired)];
  if (errors.length > 0) throw new CalendarYearInvalid(command.year, errors);
  return normalizeContent(command);
}

export const calendarYearDecider: Decider<CalendarCommand, CalendarYearState, CalendarEvent> = {
  initialState: () => ({ content: null, source: null }),

  decide(command, state) {
    switch (command.type) {
      case 'LoadCalendarYear': {
        const content = validated(command, false);
        if (state.content !== null) {
          if (sameContent(state.content, content)) return [];
          throw new CalendarYearAlreadyLoaded(command.year, state.source ?? 'unknown');
        }
        const reason = command.reason === undefined ? {} : { reason: command.reason.trim() };
        return [{ type: CalendarEventType.Loaded, data: { year: command.year, ...content, source: command.source, ...reason } }];
      }
      case 'SetCalendarYear': {
        const content = validated(command, true);
        const reason = command.reason.trim();
        if (state.content === null) {
          return [{ type: CalendarEventType.Loaded, data: { year: command.year, ...content, source: 'admin', reason } }];
        }
        if (sameContent(state.content, content)) return [];
        return [{ type: CalendarEventType.Corrected, data: { year: command.year, ...content, source: 'admin', reason } }];
      }
      default:
        return assertNever(command, 'calendar command');
    }
  },

  evolve(_state, event) {
    // Both events carry the year's full content: the latest one is the calendar.
    const { holidays, makeUpWorkdays, source } = event.data;
    return { content: { holidays, makeUpWorkdays }, source };
  },
};
