import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isCalendarDate } from '@app/platform';

/** Calendar months a range touches, both ends counted: 2024-01-31 … 2024-02-01 touches 2. */
const monthsTouched = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7))) + 1;

/**
 * The end of a date range: on or after its start (both YYYY-MM-DD). Only compares two valid dates; a
 * malformed one is its own field's error. A reversed range would otherwise answer an empty figure.
 * `maxMonths` bounds a range whose answer has one entry per month (a monthly series), so no request can ask for
 * an unbounded response.
 */
export function IsOnOrAfter(start: string, { maxMonths }: { maxMonths?: number } = {}): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isOnOrAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [start, maxMonths],
      validator: {
        validate: (value: unknown, { object }: ValidationArguments) => {
          const from = (object as Record<string, unknown>)[start];
          if (!(isCalendarDate(value) && isCalendarDate(from))) return true;
          return value >= from && (maxMonths === undefined || monthsTouched(from, value) <= maxMonths);
        },
        defaultMessage: ({ property, value, object }: ValidationArguments) => {
          const from = String((object as Record<string, unknown>)[start]);
          return String(value) < from
            ? `${property} (${String(value)}) must be on or after ${start} (${from})`
            : `${property} (${String(value)}) must be within ${maxMonths} months of ${start} (${from})`;
        },
      },
    });
  };
}
