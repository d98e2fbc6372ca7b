import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ChangeCertificationCommand, EnterReferenceTotalCommand, GrantCertificationCommand } from '@app/enterprises';
import { Roles } from '@app/platform';
import { Ctx, type RequestContext } from '../http/request-context';
import { ParseUsccPipe } from '../enterprises/uscc.pipe';
import { GrantCertificationDto, RenewCertificationDto, RevokeCertificationDto } from './dto/certification-commands.dto';
import { ReferenceTotalDto } from './dto/certification-queries.dto';

/** Single grants, 复核 and revocations (managers enter what a list or a notice says), and admin reference totals. */
@ApiTags('certifications')
@ApiBearerAuth()
@Roles('manager', 'admin')
@ApiResponse({ status: 401, description: 'No or invalid bearer token' })
@ApiResponse({ status: 403, description: 'Only managers and admins record certifications' })
@Controller('api/v1/certifications')
export class CertificationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record a grant; the same grant again (same uscc, type, level, batch) appends nothing' })
  @ApiResponse({ status: 201, description: '{ uscc, certificationId, version, position }' })
  @ApiResponse({ status: 404, description: 'The enterprise is not registered' })
  @ApiResponse({ status: 409, description: 'Overlaps a window of the same type and level, or the same id with other data' })
  @ApiResponse({ status: 422, description: 'validTo beyond the type rule, or dates out of order' })
  grant(@Body() body: GrantCertificationDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new GrantCertificationCommand(body, ctx));
  }

  @Post(':uscc/:certificationId/renew')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a passed 复核: the window is extended' })
  @ApiResponse({ status: 409, description: 'The type has no 复核 (高企), or the certification is revoked' })
  renew(
    @Param('uscc', ParseUsccPipe) uscc: string,
    @Param('certificationId') certificationId: string,
    @Body() body: RenewCertificationDto,
    @Ctx() ctx: RequestContext,
  ) {
    return this.commands.execute(new ChangeCertificationCommand(uscc, { type: 'RenewCertification', certificationId, ...body }, ctx));
  }

  @Post(':uscc/:certificationId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke from a date, possibly in the past; past counts change and show it as a revision' })
  @ApiResponse({ status: 409, description: 'Already revoked (differently)' })
  revoke(
    @Param('uscc', ParseUsccPipe) uscc: string,
    @Param('certificationId') certificationId: string,
    @Body() body: RevokeCertificationDto,
    @Ctx() ctx: RequestContext,
  ) {
    return this.commands.execute(new ChangeCertificationCommand(uscc, { type: 'RevokeCertification', certificationId, ...body }, ctx));
  }

  @Post('reference-totals')
  @Roles('admin')
  @ApiOperation({ summary: 'Enter a dated city/province total (a correction is a new entry; earlier ones stay for knownAt)' })
  enterReferenceTotal(@Body() { type, ...rest }: ReferenceTotalDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new EnterReferenceTotalCommand({ certificationType: type, ...rest }, ctx));
  }
}
