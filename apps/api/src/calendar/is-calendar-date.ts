import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * A list of days ({ date, name }), at most `max` long, no date twice. One validator, so a missing or
 * malformed list gets one clear message instead of every array rule failing at once.
 */
export function IsDayList(max: number, options: ValidationOptions = {}): PropertyDecorator {
  const repeated = (days: { date?: unknown }[]) => {
    const dates = days.map((d) => String(d?.date));
    return [...new Set(dates.filter((d, i) => dates.indexOf(d) !== i))];
  };
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDayList',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.length <= max && repeated(value).length === 0,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          !Array.isArray(value)
            ? `${property} must be a list of { date, name }`
            : value.length > max
              ? `${property} may list at most ${max} days`
              : `${property} lists ${repeated(value).join(', ')} more than once`,
      },
    });
}
