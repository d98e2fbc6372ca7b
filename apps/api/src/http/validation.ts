import { BadRequestException, ParseUUIDPipe, ValidationPipe, type ValidationError } from '@nestjs/common';
import { cacheValidationMetadata } from './validation-metadata-cache';

// Before the pipe validates anything: class-validator's rule lookup costs O(decorated classes) per object otherwise.
cacheValidationMetadata();

/**
 * Flattens class-validator's tree into [{ field: 'problems[0].category', messages: [...], codes: [...] }]. The
 * messages are English for API users; `codes` names each broken rule so the console can say it in Chinese.
 */
function fieldErrors(errors: ValidationError[], parent = ''): { field: string; messages: string[]; codes: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints), codes: Object.keys(e.constraints) }] : [];
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/** 400 with field-level messages; unknown fields are refused rather than silently dropped. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) =>
    new BadRequestException({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'The request is invalid', errors: fieldErrors(errors) }),
});

/** An id in the path: a malformed one is a 400 shaped like the body's field errors, naming the parameter. */
export const parseUuid = (field = 'id') =>
  new ParseUUIDPipe({
    version: '4',
    exceptionFactory: () =>
      new BadRequestException({
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: 'The request is invalid',
        errors: [{ field, messages: [`${field} must be a UUID (version 4)`] }],
      }),
  });
