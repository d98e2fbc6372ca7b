import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, CurrentUser, Public, UsersService, type AuthUser } from '@app/platform';
import { ApiErrors, BAD_REQUEST, UNAUTHORIZED } from '../http/api-errors';
import { AuthUserDto, LoginResponseDto } from './auth.response.dto';
import { LoginDto } from './login.dto';
import { LoginThrottlerGuard } from './login-throttling';
import { ChangeOwnPasswordDto } from './update-user.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Password login; answers a short-lived bearer token. Rate-limited per account and per client address. */
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password: a short-lived bearer token and who you are' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({
    badRequest: BAD_REQUEST,
    unauthorized: 'Unknown user, wrong password or inactive account (one answer for all three)',
    tooManyRequests: 'Too many login attempts for this account or from this address; Retry-After says how many seconds to wait',
  })
  login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password);
  }

  /** A user changes their own password; every token of theirs stops working, and this answer carries a fresh one. */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change your own password: your other sessions end, the answer is a fresh token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({ badRequest: `${BAD_REQUEST}; a wrong current password is a field error on currentPassword`, unauthorized: UNAUTHORIZED })
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangeOwnPasswordDto): Promise<LoginResponseDto> {
    const account = await this.users.changeOwnPassword(user.id, body.currentPassword, body.newPassword);
    return this.auth.issue(account);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, as the token carries it' })
  @ApiOkResponse({ type: AuthUserDto })
  @ApiErrors({ unauthorized: UNAUTHORIZED })
  me(@CurrentUser() user: AuthUser): AuthUserDto {
    return user;
  }
}
