import { ProblemEventTypes as T } from '../domain/problem.events';
import type { ProblemHistoryEntry } from '../read-models/problem-details/problem-details.row';

/**
 * A conclusion recorded late but dated on or before its deadline proves the overdue notes the system wrote meanwhile
 * wrong (for that deadline): they are marked corrected, so the page shows them as such rather than as a standing 逾期.
 * Pure, over the history in stream order: only notes written before that conclusion are judged by it.
 */
export function markCorrectedSystemNotes(history: readonly ProblemHistoryEntry[]): ProblemHistoryEntry[] {
  const marked: ProblemHistoryEntry[] = [];
  for (const entry of history) {
    if (entry.type === T.Resolved) {
      const resolvedOn = entry.summary.resolvedOn as string;
      const deadline = entry.summary.deadline as string;
      if (resolvedOn <= deadline) {
        for (let i = 0; i < marked.length; i++) {
          const h = marked[i];
          const overdueFlag = h.type === T.FlaggedOverdue && h.summary.deadline === deadline;
          const automaticSupervision = h.type === T.SupervisionIssued && h.summary.automatic === true && h.on > deadline;
          if ((overdueFlag || automaticSupervision) && h.correctedOn === undefined) marked[i] = { ...h, correctedOn: resolvedOn };
        }
      }
    }
    marked.push(entry);
  }
  return marked;
}
