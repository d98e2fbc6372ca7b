import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext } from '@app/platform';
import { calendarYearDecider } from '../domain/calendar.decider';
import { calendarStreamId, type CalendarYearContent } from '../domain/calendar.events';

export interface CalendarYearChange {
  year: number;
  /** 'loaded', 'corrected', or 'unchanged' when the year already had exactly this content. */
  outcome: 'loaded' | 'corrected' | 'unchanged';
  /** The year stream's version afterwards. */
  version: number;
  /** Log position of the event, for ?position= on later reads; null when nothing was appended. */
  position: number | null;
}

/** An administrator loads or corrects a year's arrangement, with a reason. */
export class SetCalendarYearCommand extends Command<CalendarYearChange> {
  constructor(
    readonly year: number,
    readonly content: CalendarYearContent,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SetCalendarYearCommand)
export class SetCalendarYearHandler implements ICommandHandler<SetCalendarYearCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ year, content, reason, context }: SetCalendarYearCommand): Promise<CalendarYearChange> {
    const { holidays, makeUpWorkdays } = content;
    const result = await this.runner.run(
      calendarStreamId(year),
      calendarYearDecider,
      { type: 'SetCalendarYear', year, holidays, makeUpWorkdays, reason },
      context,
    );
    const [event] = result.events;
    const outcome = !event ? 'unchanged' : event.type === 'CalendarYearLoaded' ? 'loaded' : 'corrected';
    return { year, outcome, version: result.version, position: event ? result.append!.lastGlobalPosition : null };
  }
}
