import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/platform';
import {
  ListEnterprisesQuery,
  RegisterEnterpriseCommand,
  RelocateEnterpriseCommand,
  RenameEnterpriseCommand,
} from '@app/enterprises';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import { RegisterEnterpriseDto, RelocateEnterpriseDto, RenameEnterpriseDto } from './dto/enterprise-commands.dto';
import { ListEnterprisesDto } from './dto/list-enterprises.dto';
import { EnterpriseCommandResultDto, EnterprisePageDto, EnterpriseProfileDto } from './dto/enterprises.response.dto';
import { ParseUsccPipe } from './uscc.pipe';
import { EnterpriseProfile } from './enterprise-profile';

const Uscc = () => Param('uscc', ParseUsccPipe);

/**
 * The enterprise registry (企业名录). Commands answer { uscc, version, position }; pass position as
 * ?position= to a GET to read your own write.
 *
 * Unit handlers get 403 on every route, reads included: a handling unit sees only the problems assigned
 * to it, and the enterprise details those carry, not the zone's whole directory.
 */
@ApiTags('enterprises')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@ApiStandardErrors({ forbidden: 'Unit handlers may not use the registry' })
@Controller('api/v1/enterprises')
export class EnterprisesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly profile: EnterpriseProfile,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register an enterprise by its USCC' })
  @ApiCreatedResponse({ type: EnterpriseCommandResultDto })
  @ApiErrors({
    badRequest: 'Invalid fields, e.g. a wrong USCC check character (VALIDATION_FAILED)',
    conflict: 'This USCC is already registered (ENTERPRISE_ALREADY_REGISTERED)',
  })
  register(@Body() { uscc, name, address, park, industry }: RegisterEnterpriseDto, @Ctx() ctx: RequestContext): Promise<EnterpriseCommandResultDto> {
    return this.commands.execute(new RegisterEnterpriseCommand({ uscc, name, address, park, industry }, ctx));
  }

  @Post(':uscc/rename')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a name change; repeating the same rename changes nothing' })
  @ApiOkResponse({ type: EnterpriseCommandResultDto })
  @ApiErrors({
    notFound: 'No enterprise with this USCC (ENTERPRISE_NOT_FOUND)',
    conflict: 'expectedVersion is stale: the enterprise changed since (CONCURRENCY_CONFLICT)',
    unprocessable: 'Same name (NOTHING_CHANGES), or an effective date in the future or before the last rename (INVALID_EFFECTIVE_DATE)',
  })
  rename(
    @Uscc() uscc: string,
    @Body() { name, effectiveOn, expectedVersion }: RenameEnterpriseDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EnterpriseCommandResultDto> {
    return this.commands.execute(new RenameEnterpriseCommand({ uscc, name, effectiveOn }, ctx, expectedVersion));
  }

  @Post(':uscc/relocate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a move to a new address and/or park' })
  @ApiOkResponse({ type: EnterpriseCommandResultDto })
  @ApiErrors({
    notFound: 'No enterprise with this USCC (ENTERPRISE_NOT_FOUND)',
    conflict: 'expectedVersion is stale: the enterprise changed since (CONCURRENCY_CONFLICT)',
    unprocessable: 'Same address and park (NOTHING_CHANGES), or an effective date in the future or before the last move (INVALID_EFFECTIVE_DATE)',
  })
  relocate(
    @Uscc() uscc: string,
    @Body() { address, park, effectiveOn, expectedVersion }: RelocateEnterpriseDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EnterpriseCommandResultDto> {
    return this.commands.execute(new RelocateEnterpriseCommand({ uscc, address, park, effectiveOn }, ctx, expectedVersion));
  }

  @Get(':uscc')
  @ApiOperation({ summary: 'The enterprise profile: registry data with its history, and one timeline of everything about it' })
  @ApiOkResponse({ type: EnterpriseProfileDto })
  @ApiErrors({ notFound: 'No enterprise with this USCC (ENTERPRISE_NOT_FOUND)' })
  get(@Uscc() uscc: string): Promise<EnterpriseProfileDto> {
    return this.profile.of(uscc);
  }

  @Get()
  @ApiOperation({ summary: 'The directory, filtered and paginated (at most 100 per page), with the total count' })
  @ApiOkResponse({ type: EnterprisePageDto })
  list(@Query() { name, park, industry, limit, offset }: ListEnterprisesDto): Promise<EnterprisePageDto> {
    return this.queries.execute(new ListEnterprisesQuery({ nameContains: name, park, industry, limit, offset }));
  }
}
