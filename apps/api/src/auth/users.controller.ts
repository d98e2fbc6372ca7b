import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, UsersService } from '@app/platform';
import { CreateUserDto } from './create-user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  /** Every active colleague's name, role and unit (who did a step; who went on a visit), for any logged-in user. */
  @Get('directory')
  @Roles('caseworker', 'unit_handler', 'manager', 'admin')
  directory() {
    return this.users.directory();
  }

  @Get()
  list() {
    return this.users.list();
  }
}
