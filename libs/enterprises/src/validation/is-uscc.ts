import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { checkUscc } from '../domain/uscc';

/**
 * A DTO field holding a 统一社会信用代码. The message names the precise reason (length, the illegal character
 * and its position, or the expected check character), so a caseworker can fix a mistyped licence number.
 */
export function IsUscc(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkUscc(value).valid,
        defaultMessage: ({ property, value }: ValidationArguments) => {
          if (typeof value !== 'string') return `${property} must be a string of 18 characters (统一社会信用代码)`;
          const result = checkUscc(value);
          return result.valid ? `${property} is valid` : `${property}: ${result.message}`;
        },
      },
    });
  };
}
