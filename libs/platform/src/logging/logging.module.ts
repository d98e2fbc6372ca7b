import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { requestLogOptions } from './request-log';

/** Structured JSON logs (pino). Every request gets an id — the caller's X-Request-Id or a new one — echoed back. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: requestLogOptions({ level: config.logLevel, withHeaders: config.logRequestHeaders }),
      }),
    }),
  ],
})
export class LoggingModule {}
