import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig } from '@app/platform';

/**
 * The console (apps/console, built by `npm run build:console` into CONSOLE_DIR) at /. Any other path that
 * is not the API's falls back to index.html, so deep links (/problems/…) open the page. The API's own
 * prefixes are excluded — and /assets too, so a missing asset is a 404 rather than index.html with 200.
 */
export const ConsoleModule = ServeStaticModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => [
    {
      rootPath: config.consoleDir,
      exclude: ['/api/{*path}', '/health', '/health/{*path}', '/metrics', '/admin/queues', '/admin/queues/{*path}', '/assets/{*path}'],
      serveStaticOptions: { fallthrough: true },
    },
  ],
});
