import 'reflect-metadata';
import { AppConfig } from '@app/platform';
import { Logger } from '@nestjs/common';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createApiApp();
  const port = app.get(AppConfig).port;
  await app.listen(port);
  new Logger('Zhuqi').log(`API listening on http://localhost:${port} (health: /health, API docs: /api/docs)`);
}

main().catch((error) => {
  // Configuration errors name the variable; print them plainly and stop.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
