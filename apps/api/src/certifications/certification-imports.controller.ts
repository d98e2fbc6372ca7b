import { BadRequestException, Body, Controller, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommitCertificationImportCommand, MalformedSheetError, PreviewCertificationImportCommand } from '@app/enterprises';
import { Roles } from '@app/platform';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import { parseUuid } from '../http/validation';
import { CommitImportDto } from './dto/certification-queries.dto';
import { ImportCommitResultDto, ImportPreviewDto } from './dto/certifications.response.dto';

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
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({
    summary: 'Preview a CSV/XLSX list (columns 企业名称/name, 统一社会信用代码/uscc, 类型/type, 级别/level, 批次/batch, 文号/documentNumber, 公告日期/announcedOn, 有效期起/validFrom, 有效期止/validTo); appends nothing',
  })
  @ApiCreatedResponse({ type: ImportPreviewDto, description: 'The preview, every row with its status and errors; nothing is appended' })
  @ApiErrors({ badRequest: 'Not CSV/XLSX, empty, or missing required columns (MALFORMED_FILE): says what and where' })
  async preview(@UploadedFile() file: UploadedSheet | undefined, @Ctx() ctx: RequestContext): Promise<ImportPreviewDto> {
    if (!file) throw malformed('upload the list as multipart field "file"', 'request');
    try {
      return await this.commands.execute(new PreviewCertificationImportCommand(file.originalname, file.buffer, ctx));
    } catch (error) {
      if (error instanceof MalformedSheetError) throw malformed(error.message, error.where);
      throw error;
    }
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
