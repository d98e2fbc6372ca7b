import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthService, CurrentUser, Public, type AuthUser } from '@app/platform';
import { ApiErrors, BAD_REQUEST, UNAUTHORIZED } from '../http/api-errors';
import { AuthUserDto, LoginResponseDto } from './auth.response.dto';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Password login; answers a short-lived bearer token. Rate-limited per client. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password: a short-lived bearer token and who you are' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({
    badRequest: BAD_REQUEST,
    unauthorized: 'Unknown user, wrong password or inactive account (one answer for all three)',
    tooManyRequests: 'Too many login attempts from this client; wait a minute',
  })
  login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password);
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
