import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';

/** One field's messages, as validation.ts flattens class-validator's tree. */
export class FieldErrorDto {
  @ApiProperty({ example: 'problems[0].category', description: 'The field, in dotted/indexed form; a path parameter by its name; `file` for an upload' })
  field: string;

  @ApiProperty({ type: [String], example: ['category must be one of the following values: 融资, 用工, 用地, 审批, 政策, 市场, 物流, 科技创新, 基础设施, 其他'] })
  messages: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['isIn'],
    description: 'The rules broken, one per message (class-validator constraint names such as isLength, isIn, matches, isCalendarDate, whitelistValidation): what a client translates into its own language',
  })
  codes?: string[];
}

/**
 * Every error body the API sends: the validation pipe's 400 (validation.ts), the domain errors
 * (domain-error.filter.ts: 404/409/422/403 with the error's own facts beside these fields), the
 * store's 409/503, and Nest's own HTTP exceptions (http-exception.filter.ts: 401/403 with `error` the
 * reason phrase; JSON syntax and encoding errors, 413 and unknown routes with codes of their own).
 */
export class ApiErrorDto {
  @ApiProperty({ example: 400, description: 'The HTTP status again' })
  statusCode: number;

  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description:
      'A stable machine-readable code (VALIDATION_FAILED, MALFORMED_BODY, MALFORMED_FILE, PAYLOAD_TOO_LARGE, ROUTE_NOT_FOUND, IMPORT_TOO_MANY_ROWS, CONCURRENCY_CONFLICT, PROBLEM_NOT_FOUND, CALENDAR_YEAR_NOT_LOADED …) or, for plain HTTP errors, the reason phrase (Unauthorized, Forbidden)',
  })
  error: string;

  @ApiProperty({ example: 'The request is invalid', description: 'For a person: what went wrong and, where it helps, what to do' })
  message: string;

  @ApiProperty({ type: [FieldErrorDto], description: 'Field-level messages (400 VALIDATION_FAILED, 422 rule violations that name fields); empty when no one field is at fault' })
  errors: FieldErrorDto[];

  @ApiPropertyOptional({ example: 'username', description: 'The one field at fault, when a conflict or rule names it' })
  field?: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'integer' }, { type: 'string', enum: ['no_stream', 'stream_exists', 'any'] }],
    example: 3,
    description: '409 CONCURRENCY_CONFLICT: the version the change was based on',
  })
  expectedVersion?: number | 'no_stream' | 'stream_exists' | 'any';

  @ApiPropertyOptional({ example: 4, description: '409 CONCURRENCY_CONFLICT: the stream’s version now (reload and retry)' })
  actualVersion?: number;

  @ApiPropertyOptional({ example: 1234, description: '503 READ_MODEL_NOT_CAUGHT_UP: the ?position= the read models had not reached in time' })
  position?: number;
}

/** Always JSON, also on routes that @ApiProduces something else (the XLSX download answers errors in JSON). */
const ERROR_TYPE = { content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorDto) } } } };

export interface ApiErrorsOptions {
  badRequest?: string;
  unauthorized?: string;
  forbidden?: string;
  notFound?: string;
  conflict?: string;
  unprocessable?: string;
  tooManyRequests?: string;
  unavailable?: string;
}

/** The error responses given, each with the shared ApiErrorDto body and the description given. */
export function ApiErrors(options: ApiErrorsOptions): MethodDecorator & ClassDecorator {
  const decorators = [
    options.badRequest && ApiBadRequestResponse({ ...ERROR_TYPE, description: options.badRequest }),
    options.unauthorized && ApiUnauthorizedResponse({ ...ERROR_TYPE, description: options.unauthorized }),
    options.forbidden && ApiForbiddenResponse({ ...ERROR_TYPE, description: options.forbidden }),
    options.notFound && ApiNotFoundResponse({ ...ERROR_TYPE, description: options.notFound }),
    options.conflict && ApiConflictResponse({ ...ERROR_TYPE, description: options.conflict }),
    options.unprocessable && ApiUnprocessableEntityResponse({ ...ERROR_TYPE, description: options.unprocessable }),
    options.tooManyRequests && ApiTooManyRequestsResponse({ ...ERROR_TYPE, description: options.tooManyRequests }),
    options.unavailable && ApiServiceUnavailableResponse({ ...ERROR_TYPE, description: options.unavailable }),
  ].filter((d): d is MethodDecorator & ClassDecorator => Boolean(d));
  return applyDecorators(ApiExtraModels(ApiErrorDto), ...decorators) as MethodDecorator & ClassDecorator;
}

export const BAD_REQUEST = 'Malformed input: `errors` names each field (VALIDATION_FAILED)';
export const UNAUTHORIZED = 'No bearer token, or an invalid or expired one';

/**
 * What (almost) every route can answer: 400 for malformed input and 401 without a valid token, plus
 * 403 when the route is for some roles only (say which). Put on a controller; routes add their own
 * 404/409/422 with ApiErrors. `unauthorized: undefined` leaves the 401 out (public routes).
 */
export function ApiStandardErrors(options: Omit<ApiErrorsOptions, 'badRequest' | 'unauthorized'> & { public?: boolean } = {}) {
  const { public: isPublic, ...rest } = options;
  return ApiErrors({ badRequest: BAD_REQUEST, unauthorized: isPublic ? undefined : UNAUTHORIZED, ...rest });
}
