import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { isCalendarDate } from '@app/platform';
import { MANAGERS_DIGEST } from '@app/reporting';
import { UNIT_ID_PATTERN, UNIT_ID_RULE } from '@app/support';

const invalid = (field: string, message: string) =>
  new BadRequestException({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'The request is invalid', errors: [{ field, messages: [message] }] });

/** ':date' in the path: a real calendar date 'YYYY-MM-DD', else a 400 naming the field. */
export class DigestDatePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isCalendarDate(value)) return value;
    throw invalid('date', 'date must be a calendar date YYYY-MM-DD (e.g. 2024-09-11)');
  }
}

/** ':unitId' in the path: a unit code as the registry takes it, or 'managers' (the escalation digest). */
export class DigestUnitPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value === MANAGERS_DIGEST || UNIT_ID_PATTERN.test(value)) return value;
    throw invalid('unitId', `unitId must be a unit code (${UNIT_ID_RULE}) or '${MANAGERS_DIGEST}'`);
  }
}
