import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UsersService } from '@app/platform';
import { HandlingUnitLookup } from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { PageQueryDto } from '../http/query.dto';
import { parseUuid } from '../http/validation';
import { AuthUserDto, ColleagueDto, UserAccountDto, UserAccountPageDto } from './auth.response.dto';
import { CreateUserDto } from './create-user.dto';
import { ResetPasswordDto, UpdateUserDto } from './update-user.dto';

const USER_ID = parseUuid('id');

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
  @ApiOperation({ summary: 'User accounts by username, a page at a time, active or not' })
  @ApiOkResponse({ type: UserAccountPageDto })
  list(@Query() page: PageQueryDto): Promise<UserAccountPageDto> {
    return this.users.list(page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user account' })
  @ApiOkResponse({ type: UserAccountDto })
  @ApiErrors({ notFound: 'No such user' })
  get(@Param('id', USER_ID) id: string): Promise<UserAccountDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user’s name, role, unit or active flag',
    description: 'A change of role, unit or active flag revokes the user’s tokens at once (on other API replicas within AUTH_USER_CACHE_MS).',
  })
  @ApiOkResponse({ type: UserAccountDto })
  @ApiErrors({
    notFound: 'No such user',
    conflict: 'The last active administrator cannot be deactivated or re-roled (field: role)',
    unprocessable: 'unitId names no registered unit, or a deactivated one (HANDLING_UNIT_UNKNOWN / HANDLING_UNIT_INACTIVE, field unitId)',
  })
  async update(@Param('id', USER_ID) id: string, @Body() body: UpdateUserDto): Promise<UserAccountDto> {
    // A new unit must be one the registry knows and keeps active, as on creation.
    if (typeof body.unitId === 'string') await this.units.assertUsable([{ field: 'unitId', unitId: body.unitId }]);
    return this.users.update(id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password for a user (who forgot theirs); their tokens stop working' })
  @ApiNoContentResponse({ description: 'Set' })
  @ApiErrors({ notFound: 'No such user' })
  async resetPassword(@Param('id', USER_ID) id: string, @Body() body: ResetPasswordDto): Promise<void> {
    await this.users.resetPassword(id, body.newPassword);
  }
}
