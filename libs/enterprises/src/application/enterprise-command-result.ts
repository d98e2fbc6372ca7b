import type { HandleCommandResult } from '@app/event-store';

/** What every enterprise command answers: the stream version and, for read-your-writes, the log position. */
export interface EnterpriseCommandResult {
  uscc: string;
  version: number;
  /** The global position of the last event appended; null when the command changed nothing. */
  position: number | null;
}

export function enterpriseCommandResult(uscc: string, result: HandleCommandResult<unknown, unknown>): EnterpriseCommandResult {
  return { uscc, version: result.version, position: result.append?.lastGlobalPosition ?? null };
}
