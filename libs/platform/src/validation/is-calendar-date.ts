import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../time/business-date';

/** A business date 'YYYY-MM-DD' that exists in the calendar: '2024-02-30' and '2024-2-1' are refused. */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: ({ property, value }: ValidationArguments) =>
          value === undefined || value === null || value === ''
            ? `${property} is required (YYYY-MM-DD)`
            : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
            ? `${property}: ${value} is not a date in the calendar`
            : `${property} must be a date written YYYY-MM-DD`,
      },
    });
  };
}
