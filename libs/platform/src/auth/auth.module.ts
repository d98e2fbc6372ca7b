import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { AccountStatus } from './account-status';
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
          // A secret key object, and the one algorithm pinned: handed a string, jsonwebtoken first tries to read
          // it as a public key (an OpenSSL decoder that throws) on every verification — ~0.45 ms of CPU each.
          useFactory: (config: AppConfig) => ({
            secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
            signOptions: { algorithm: 'HS256', expiresIn: config.jwt.ttlSeconds, issuer: 'zhuqi' },
            verifyOptions: { algorithms: ['HS256'], issuer: 'zhuqi' },
          }),
        }),
      ],
      providers: [AuthService, UsersService, AccountStatus, ...(guard ? [{ provide: APP_GUARD, useClass: AuthGuard }] : [])],
      exports: [AuthService, UsersService, AccountStatus],
    };
  }
}
