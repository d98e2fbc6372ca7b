import { DomainError, type DomainErrorKind } from '@app/event-store';

/** A field of the submitted arrangement and what is wrong with it, in the HTTP layer's error shape. */
export interface CalendarFieldError {
  field: string;
  messages: string[];
}

/** The submitted arrangement breaks a rule; every problem found is listed, so one round fixes them all. */
export class CalendarYearInvalid extends DomainError {
  readonly code = 'CALENDAR_YEAR_INVALID';
  override readonly kind: DomainErrorKind = 'invalid';

  constructor(
    readonly year: number,
    readonly errors: CalendarFieldError[],
  ) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(`The ${year} calendar is invalid: ${first.field}: ${first.messages[0]}${more}`, { year, errors });
  }
}

/** A seed or load met a year that already has other content: that needs a correction with a reason. */
export class CalendarYearAlreadyLoaded extends DomainError {
  readonly code = 'CALENDAR_YEAR_ALREADY_LOADED';

  constructor(
    readonly year: number,
    source: string,
  ) {
    super(`The ${year} calendar is already loaded (from ${source}) with other content; correct it with a reason instead`, {
      year,
    });
  }
}

/**
 * A working-day question reached a year whose calendar is not loaded. Guessing (weekends only) would
 * give a wrong deadline silently, so it is refused, naming the year an administrator has to load.
 */
export class CalendarYearNotLoaded extends DomainError {
  readonly code = 'CALENDAR_YEAR_NOT_LOADED';
  override readonly kind: DomainErrorKind = 'invalid';

  constructor(
    readonly year: number,
    readonly loadedYears: readonly number[],
  ) {
    const loaded = loadedYears.length > 0 ? loadedYears.join(', ') : 'none';
    super(`The working-day calendar for ${year} is not loaded (loaded years: ${loaded}); an administrator must load ${year} first`, {
      year,
      loadedYears: [...loadedYears],
    });
  }
}

/** A date given to the working-day calculator is not a real 'YYYY-MM-DD' date. */
export class InvalidCalendarDate extends DomainError {
  readonly code = 'INVALID_DATE';
  override readonly kind: DomainErrorKind = 'invalid';

  constructor(readonly value: string) {
    super(`${JSON.stringify(value)} is not a date written YYYY-MM-DD`, { value });
  }
}
