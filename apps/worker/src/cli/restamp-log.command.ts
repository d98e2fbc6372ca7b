import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_DB, restampLog, type PoolSql } from '@app/event-store';

/** After a restore or a move: re-stamps the log's transaction ids below the cluster's counter, checkpoints with them. */
export async function restampLogCommand(app: INestApplicationContext): Promise<void> {
  const result = await restampLog(app.get<PoolSql>(EVENT_DB));
  process.stdout.write(
    result.restamped
      ? `re-stamped ${result.events} events of ${result.transactions} transactions` +
          (result.counterAdvancedBy ? ` (transaction counter advanced by ${result.counterAdvancedBy})` : '') + '\n'
      : 'the log is already below the transaction counter: nothing to do\n',
  );
}
