import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { UserRow } from './user.entity';
import { UsersService } from './users.service';

/** Users, password login, short-lived JWTs, and the global guard (with `guard: true`, for the API). */
@Module({})
export class AuthModule {
  static register({ guard }: { guard: boolean }) {
    return {
      module: AuthModule,
      imports: [
        TypeOrmModule.forFeature([UserRow]),
        JwtModule.registerAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            secret: config.jwt.secret,
            signOptions: { expiresIn: config.jwt.ttlSeconds, issuer: 'zhuqi' },
            verifyOptions: { issuer: 'zhuqi' },
          }),
        }),
      ],
      providers: [AuthService, UsersService, ...(guard ? [{ provide: APP_GUARD, useClass: AuthGuard }] : [])],
      exports: [AuthService, UsersService],
    };
  }
}
