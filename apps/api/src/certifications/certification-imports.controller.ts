import { BadRequestException, Body, Controller, Get, HttpCode, HttpException, HttpStatus, Param, Post, Query, UploadedFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CommitCertificationImportCommand, GetImportRowsQuery, ImportTooLargeError, MalformedSheetError, PreviewCertificationImportCommand } from '@app/enterprises';
import { Roles } from '@app/platform';
import { ApiErrorDto, ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { IdempotentUpload } from '../http/idempotency.interceptor';
import { Ctx, type RequestContext } from '../http/request-context';
import { parseUuid } from '../http/validation';
import { CommitImportDto, ImportRowsQueryDto } from './dto/certification-queries.dto';
import { ImportCommitResultDto, ImportPreviewDto, ImportRowsPageDto } from './dto/certifications.response.dto';

/** What multer hands over (declared here: @types/multer is not a dependency). */
interface UploadedSheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

// An announced list has hundreds of rows; 5 MB leaves room and stops accidental uploads of other files.
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const malformed = (message: string, where: string) =>
  new BadRequestException({ statusCode: 400, error: 'MALFORMED_FILE', message, where, errors: [{ field: 'file', messages: [message] }] });

/** 批量导入: upload an announced list → preview with per-row errors → commit appends the grants. */
@ApiTags('certifications')
@ApiBearerAuth()
@Roles('manager', 'admin')
@ApiStandardErrors({ forbidden: 'Only managers and admins import' })
@Controller('api/v1/certifications/imports')
export class CertificationImportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @IdempotentUpload('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({
    summary: 'Preview a CSV/XLSX list (columns 企业名称/name, 统一社会信用代码/uscc, 类型/type, 级别/level, 批次/batch, 文号/documentNumber, 公告日期/announcedOn, 有效期起/validFrom, 有效期止/validTo); appends nothing',
  })
  @ApiCreatedResponse({ type: ImportPreviewDto, description: 'The preview: counts per status and the first 50 rows (page the rest with GET …/rows); nothing is appended' })
  @ApiErrors({ badRequest: 'Not CSV/XLSX, empty, or missing required columns (MALFORMED_FILE): says what and where' })
  @ApiPayloadTooLargeResponse({
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorDto) } } },
    description: 'Over 5 MB, more data rows than IMPORT_MAX_ROWS (IMPORT_TOO_MANY_ROWS, with maxRows), or an XLSX expanding beyond IMPORT_MAX_UNCOMPRESSED_BYTES (IMPORT_TOO_LARGE_UNCOMPRESSED); reading stops at the limit and nothing is stored',
  })
  async preview(@UploadedFile() file: UploadedSheet | undefined, @Ctx() ctx: RequestContext): Promise<ImportPreviewDto> {
    if (!file) throw malformed('upload the list as multipart field "file"', 'request');
    try {
      return await this.commands.execute(new PreviewCertificationImportCommand(file.originalname, file.buffer, ctx));
    } catch (error) {
      if (error instanceof MalformedSheetError) throw malformed(error.message, error.where);
      if (error instanceof ImportTooLargeError) {
        throw new HttpException(
          { statusCode: 413, error: error.code, message: error.message, errors: [{ field: 'file', messages: [error.message] }], ...error.limit },
          HttpStatus.PAYLOAD_TOO_LARGE,
        );
      }
      throw error;
    }
  }

  @Get(':importId/rows')
  @ApiOperation({ summary: 'A page of a preview’s rows, in file order, optionally of one status' })
  @ApiOkResponse({ type: ImportRowsPageDto })
  @ApiErrors({ notFound: 'No such import (IMPORT_NOT_FOUND)' })
  rows(@Param('importId', parseUuid('importId')) importId: string, @Query() q: ImportRowsQueryDto): Promise<ImportRowsPageDto> {
    return this.queries.execute(new GetImportRowsQuery(importId, { offset: q.offset, limit: q.limit, status: q.status }));
  }

  @Post(':importId/commit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Append the grants of the ok rows (and register unknown enterprises if asked); re-committing appends nothing' })
  @ApiOkResponse({ type: ImportCommitResultDto })
  @ApiErrors({ notFound: 'No such import (IMPORT_NOT_FOUND): upload the file again' })
  commit(
    @Param('importId', parseUuid('importId')) importId: string,
    @Body() { registerUnknown }: CommitImportDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportCommitResultDto> {
    return this.commands.execute(new CommitCertificationImportCommand(importId, registerUnknown ?? false, ctx));
  }
}
