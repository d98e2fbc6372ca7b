import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/platform';
import { ExecuteHandlingUnitCommand, HandlingUnitDirectory, type HandlingUnitRequest } from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import {
  ChangeHandlingUnitDto,
  DeactivateHandlingUnitDto,
  HandlingUnitCommandResultDto,
  HandlingUnitDto,
  HandlingUnitPageDto,
  ListHandlingUnitsQueryDto,
  RegisterHandlingUnitDto,
  UnitIdParamDto,
} from './handling-units.dto';

const CHANGE_ERRORS = {
  forbidden: 'Administrators only',
  notFound: 'No such unit (HANDLING_UNIT_NOT_FOUND)',
  conflict: 'expectedVersion is stale (CONCURRENCY_CONFLICT)',
  unprocessable: 'The parent is unknown, deactivated or below the unit, or the name is blank (HANDLING_UNIT_INVALID, naming the field)',
};

/**
 * The handling-unit registry: everyone signed in reads it (a unit's name beside its code, a unit choice);
 * administrators register and change units. Every change is an event on handling-unit-<id>.
 */
@ApiTags('handling units')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller('api/v1')
export class HandlingUnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: HandlingUnitDirectory,
  ) {}

  @Get('units')
  @ApiOperation({ summary: 'The handling units, a page at a time (filter by active, level)' })
  @ApiOkResponse({ type: HandlingUnitPageDto })
  async list(@Query() q: ListHandlingUnitsQueryDto): Promise<HandlingUnitPageDto> {
    const page = await this.directory.list({ active: q.active, level: q.level, limit: q.limit, offset: q.offset });
    return { ...page, limit: q.limit, offset: q.offset };
  }

  @Get('units/:id')
  @ApiOperation({ summary: 'One handling unit' })
  @ApiOkResponse({ type: HandlingUnitDto })
  @ApiErrors({ notFound: 'No such unit (HANDLING_UNIT_NOT_FOUND)' })
  async get(@Param() { id }: UnitIdParamDto): Promise<HandlingUnitDto> {
    const unit = await this.directory.get(id);
    if (!unit) throw new NotFoundException({ statusCode: 404, error: 'HANDLING_UNIT_NOT_FOUND', message: `No handling unit ${id} is registered`, unitId: id });
    return unit;
  }

  @Post('admin/units')
  @Roles('admin')
  @ApiOperation({ summary: 'Register a handling unit (administrators); the same registration again changes nothing' })
  @ApiCreatedResponse({ type: HandlingUnitCommandResultDto })
  @ApiErrors({ ...CHANGE_ERRORS, notFound: undefined, conflict: 'The code is taken by another unit (HANDLING_UNIT_EXISTS, field id)' })
  register(@Body() { id, name, level, parentId }: RegisterHandlingUnitDto, @Ctx() ctx: RequestContext): Promise<HandlingUnitCommandResultDto> {
    return this.run(id, { type: 'RegisterHandlingUnit', name, level, parentId: parentId ?? null }, ctx);
  }

  @Post('admin/units/:id/change')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, change the level or move under another parent (only the fields sent)' })
  @ApiOkResponse({ type: HandlingUnitCommandResultDto })
  @ApiErrors(CHANGE_ERRORS)
  change(@Param() { id }: UnitIdParamDto, @Body() { name, level, parentId, expectedVersion }: ChangeHandlingUnitDto, @Ctx() ctx: RequestContext) {
    return this.run(id, { type: 'ChangeHandlingUnit', name, level, parentId }, ctx, expectedVersion);
  }

  @Post('admin/units/:id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Deactivate: no new problems or unit handlers; what it holds stays, figures keep it' })
  @ApiOkResponse({ type: HandlingUnitCommandResultDto })
  @ApiErrors({ forbidden: CHANGE_ERRORS.forbidden, notFound: CHANGE_ERRORS.notFound })
  deactivate(@Param() { id }: UnitIdParamDto, @Body() { reason }: DeactivateHandlingUnitDto, @Ctx() ctx: RequestContext) {
    return this.run(id, { type: 'DeactivateHandlingUnit', reason: reason ?? null }, ctx);
  }

  @Post('admin/units/:id/reactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Reactivate a deactivated unit' })
  @ApiOkResponse({ type: HandlingUnitCommandResultDto })
  @ApiErrors({ forbidden: CHANGE_ERRORS.forbidden, notFound: CHANGE_ERRORS.notFound })
  reactivate(@Param() { id }: UnitIdParamDto, @Ctx() ctx: RequestContext) {
    return this.run(id, { type: 'ReactivateHandlingUnit' }, ctx);
  }

  private run(id: string, request: HandlingUnitRequest, ctx: RequestContext, expectedVersion?: number): Promise<HandlingUnitCommandResultDto> {
    return this.commands.execute(new ExecuteHandlingUnitCommand(id, request, ctx, expectedVersion));
  }
}
