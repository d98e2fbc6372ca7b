import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangeCertificationCommand, EnterReferenceTotalCommand, GrantCertificationCommand } from '@app/enterprises';
import { Roles } from '@app/platform';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import { ParseUsccPipe } from '../enterprises/uscc.pipe';
import { GrantCertificationDto, RenewCertificationDto, RevokeCertificationDto } from './dto/certification-commands.dto';
import { ReferenceTotalDto } from './dto/certification-queries.dto';
import { CertificationCommandResultDto, ReferenceTotalResultDto } from './dto/certifications.response.dto';

/** Single grants, 复核 and revocations (managers enter what a list or a notice says), and admin reference totals. */
@ApiTags('certifications')
@ApiBearerAuth()
@Roles('manager', 'admin')
@ApiStandardErrors({ forbidden: 'Only managers and admins record certifications; only admins enter reference totals' })
@Controller('api/v1/certifications')
export class CertificationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record a grant; the same grant again (same uscc, type, level, batch) appends nothing' })
  @ApiCreatedResponse({ type: CertificationCommandResultDto })
  @ApiErrors({
    notFound: 'The enterprise is not registered (ENTERPRISE_NOT_FOUND)',
    conflict: 'Overlaps a window of the same type and level (OVERLAPPING_CERTIFICATION), or the same id with other data (CERTIFICATION_ALREADY_GRANTED)',
    unprocessable: 'validTo beyond the type rule, a level the type is not awarded at (INVALID_CERTIFICATION), or dates out of order (CERTIFICATION_DATES_OUT_OF_ORDER)',
  })
  grant(@Body() body: GrantCertificationDto, @Ctx() ctx: RequestContext): Promise<CertificationCommandResultDto> {
    return this.commands.execute(new GrantCertificationCommand(body, ctx));
  }

  @Post(':uscc/:certificationId/renew')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a passed 复核: the window is extended' })
  @ApiOkResponse({ type: CertificationCommandResultDto })
  @ApiErrors({
    notFound: 'No such certification for this enterprise (CERTIFICATION_NOT_FOUND)',
    conflict: 'The type has no 复核, e.g. 高企 (CERTIFICATION_NOT_RENEWABLE), or the certification is revoked (CERTIFICATION_REVOKED)',
    unprocessable: 'Dates that do not fit the window (CERTIFICATION_DATES_OUT_OF_ORDER, INVALID_CERTIFICATION)',
  })
  renew(
    @Param('uscc', ParseUsccPipe) uscc: string,
    @Param('certificationId') certificationId: string,
    @Body() body: RenewCertificationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationCommandResultDto> {
    return this.commands.execute(new ChangeCertificationCommand(uscc, { type: 'RenewCertification', certificationId, ...body }, ctx));
  }

  @Post(':uscc/:certificationId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke from a date, possibly in the past; past counts change and show it as a revision' })
  @ApiOkResponse({ type: CertificationCommandResultDto })
  @ApiErrors({
    notFound: 'No such certification for this enterprise (CERTIFICATION_NOT_FOUND)',
    conflict: 'Already revoked, differently (CERTIFICATION_REVOKED)',
    unprocessable: 'A revocation date outside the window (CERTIFICATION_DATES_OUT_OF_ORDER, INVALID_CERTIFICATION)',
  })
  revoke(
    @Param('uscc', ParseUsccPipe) uscc: string,
    @Param('certificationId') certificationId: string,
    @Body() body: RevokeCertificationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationCommandResultDto> {
    return this.commands.execute(new ChangeCertificationCommand(uscc, { type: 'RevokeCertification', certificationId, ...body }, ctx));
  }

  @Post('reference-totals')
  @Roles('admin')
  @ApiOperation({ summary: 'Enter a dated city/province total (a correction is a new entry; earlier ones stay for knownAt)' })
  @ApiCreatedResponse({ type: ReferenceTotalResultDto })
  @ApiErrors({ unprocessable: 'A level the type is not awarded at, or another invalid field (INVALID_REFERENCE_TOTAL, naming the field)' })
  enterReferenceTotal(@Body() { type, ...rest }: ReferenceTotalDto, @Ctx() ctx: RequestContext): Promise<ReferenceTotalResultDto> {
    return this.commands.execute(new EnterReferenceTotalCommand({ certificationType: type, ...rest }, ctx));
  }
}
