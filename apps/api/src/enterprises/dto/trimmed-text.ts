import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

// Leading/trailing blanks from copy-paste would make "星河精密 " and "星河精密" two names.
const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A required free-text field: trimmed, then non-empty and at most maxLength characters. */
export function TrimmedText(maxLength: number, example: string, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example, description, minLength: 1, maxLength }),
    trim,
    IsString(),
    IsNotEmpty({ message: ({ property }) => `${property} must not be empty` }),
    MaxLength(maxLength),
  );
}

/** An optional free-text filter: trimmed, at most maxLength characters. */
export function OptionalTrimmedText(maxLength: number, description: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ description, maxLength }), trim, IsOptional(), IsString(), MaxLength(maxLength));
}
