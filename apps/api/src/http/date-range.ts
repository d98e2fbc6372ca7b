import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isCalendarDate } from '@app/platform';

/**
 * The end of a date range: on or after its start (both YYYY-MM-DD). Only compares two valid dates; a
 * malformed one is its own field's error. A reversed range would otherwise answer an empty figure.
 */
export function IsOnOrAfter(start: string): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isOnOrAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [start],
      validator: {
        validate: (value: unknown, { object }: ValidationArguments) => {
          const from = (object as Record<string, unknown>)[start];
          return !(isCalendarDate(value) && isCalendarDate(from)) || (value as string) >= (from as string);
        },
        defaultMessage: ({ property, value, object }: ValidationArguments) =>
          `${property} (${String(value)}) must be on or after ${start} (${String((object as Record<string, unknown>)[start])})`,
      },
    });
  };
}
