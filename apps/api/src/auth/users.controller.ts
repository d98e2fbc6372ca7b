import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UsersService } from '@app/platform';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { AuthUserDto } from './auth.response.dto';
import { CreateUserDto } from './create-user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@ApiStandardErrors({ forbidden: 'Administrators only' })
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user account (administrators)' })
  @ApiCreatedResponse({ type: AuthUserDto })
  @ApiErrors({ conflict: 'A user with this username exists already (field: username)' })
  create(@Body() body: CreateUserDto): Promise<AuthUserDto> {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every user account, by username' })
  @ApiOkResponse({ type: [AuthUserDto] })
  list(): Promise<AuthUserDto[]> {
    return this.users.list();
  }
}
