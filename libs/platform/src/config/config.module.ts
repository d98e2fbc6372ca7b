import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { validateEnvironment } from './environment.schema';

/**
 * Reads and validates the environment when forRoot() is called — at start-up, not at import —
 * so a process (or a test) sets its variables first.
 */
@Module({})
export class PlatformConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: PlatformConfigModule,
      global: true,
      imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, validate: validateEnvironment })],
      providers: [AppConfig],
      exports: [AppConfig],
    };
  }
}
