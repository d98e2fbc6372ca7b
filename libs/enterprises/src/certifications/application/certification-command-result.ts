import type { HandleCommandResult } from '@app/event-store';

/** What every certification command answers: the stream version and, for read-your-writes, the log position. */
export interface CertificationCommandResult {
  uscc: string;
  certificationId: string;
  version: number;
  /** The global position of the last event appended; null when the command changed nothing. */
  position: number | null;
}

export function certificationCommandResult(
  uscc: string,
  certificationId: string,
  result: HandleCommandResult<unknown, unknown>,
): CertificationCommandResult {
  return { uscc, certificationId, version: result.version, position: result.append?.lastGlobalPosition ?? null };
}
