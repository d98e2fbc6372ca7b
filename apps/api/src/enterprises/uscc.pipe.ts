import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { checkUscc } from '@app/enterprises';

/** A USCC in the path: a malformed one is a 400 shaped like the body's field errors, before any lookup. */
@Injectable()
export class ParseUsccPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const result = checkUscc(value);
    if (result.valid) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: 'The request is invalid',
      errors: [{ field: 'uscc', messages: [`uscc: ${result.message}`] }],
    });
  }
}
