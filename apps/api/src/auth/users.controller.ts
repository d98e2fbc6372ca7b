import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UsersService } from '@app/platform';
import { HandlingUnitLookup } from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { AuthUserDto, ColleagueDto } from './auth.response.dto';
import { CreateUserDto } from './create-user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@ApiStandardErrors({ forbidden: 'Administrators only' })
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly units: HandlingUnitLookup,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a user account (administrators)' })
  @ApiCreatedResponse({ type: AuthUserDto })
  @ApiErrors({
    conflict: 'A user with this username exists already (field: username)',
    unprocessable: 'unitId names no registered unit, or a deactivated one (HANDLING_UNIT_UNKNOWN / HANDLING_UNIT_INACTIVE, field unitId)',
  })
  async create(@Body() body: CreateUserDto): Promise<AuthUserDto> {
    // A unit handler bound to a unit nobody registered would see an empty inbox for good.
    if (body.role === 'unit_handler' && body.unitId !== undefined) await this.units.assertUsable([{ field: 'unitId', unitId: body.unitId }]);
    return this.users.create(body);
  }

  /** Every active colleague's name, role and unit (who did a step; who went on a visit), for any logged-in user. */
  @Get('directory')
  @Roles('caseworker', 'unit_handler', 'manager', 'admin')
  @ApiOperation({ summary: 'Every active colleague: id, name, role and unit (at most 2000)' })
  @ApiOkResponse({ type: [ColleagueDto] })
  directory(): Promise<ColleagueDto[]> {
    return this.users.directory();
  }

  @Get()
  @ApiOperation({ summary: 'Every user account, by username' })
  @ApiOkResponse({ type: [AuthUserDto] })
  list(): Promise<AuthUserDto[]> {
    return this.users.list();
  }
}
