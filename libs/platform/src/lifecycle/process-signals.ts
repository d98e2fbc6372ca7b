import { Logger, type INestApplicationContext } from '@nestjs/common';

/** The signals that mean "stop": an orchestrator's SIGTERM, a terminal's Ctrl-C. */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Signals that tools send to a running process without wanting it gone: SIGHUP from log rotation (logrotate's
 * postrotate, a closed terminal under nohup) and SIGUSR2 from profilers and process managers. Node's default for both
 * is to terminate, and `enableShutdownHooks()` without a list closed the app on them; here they are logged and kept.
 */
export const NON_FATAL_SIGNALS = ['SIGHUP', 'SIGUSR2'] as const;

let nonFatalSignalsHandled = false;

/** Close the app (OnModuleDestroy, onApplicationShutdown) on the shutdown signals only, and survive the others. */
export function handleProcessSignals(app: INestApplicationContext): void {
  app.enableShutdownHooks([...SHUTDOWN_SIGNALS]);
  // Once per process: test suites build many apps in one process.
  if (nonFatalSignalsHandled) return;
  nonFatalSignalsHandled = true;
  const log = new Logger('ProcessSignals');
  for (const signal of NON_FATAL_SIGNALS) {
    process.on(signal, () => log.log(`${signal} received: ignored (logs go to stdout, nothing to reopen)`));
  }
}
