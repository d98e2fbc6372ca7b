import type { UpcasterRegistration } from '@app/event-store';
import { ProblemEventTypes as T } from './problem.events';

/**
 * Stored shapes of the problem stream that the current types no longer describe, brought up to date
 * as they are read (the store and the projection runner apply them).
 */
export const problemUpcasters: readonly UpcasterRegistration[] = [
  {
    // v1 → v2: a reopen before the 重办 time-limit rule set no new deadline; the previous one stood.
    type: T.Reopened,
    fromVersion: 1,
    upcast: (data: { reason: string; reopenedOn: string }) => ({ ...data, workingDays: null, deadline: null }),
  },
];
