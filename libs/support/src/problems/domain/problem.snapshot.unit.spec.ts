import fc from 'fast-check';
import { problemEvent as e, givenClosedProblem, givenReopenedProblem, givenMergedProblem, givenWithdrawnProblem, DEADLINE } from './problem.builders';
import { problemDecider } from './problem.decider';
import type { ProblemEvent } from './problem.events';
import type { ProblemState } from './problem.state';

/**
 * Commands on a problem start from a snapshot (problemDecider.snapshot): its state stored as JSON at some version,
 * the events after it folded on. That is only the fold if the state survives JSON unchanged at every point of a
 * problem's life, and folding on from the parsed copy gives what folding from the first event gives.
 */
const fold = (events: readonly ProblemEvent[], from: ProblemState = problemDecider.initialState()) => events.reduce(problemDecider.evolve, from);
const viaJson = (state: ProblemState): ProblemState => JSON.parse(JSON.stringify(state)) as ProblemState;

// Every kind of step a problem takes, in an order decide would allow; a long life repeats the middle.
const steps: ProblemEvent[] = [
  e.registered(),
  e.categorized('用地', '融资'),
  e.assigned(),
  e.accepted(),
  e.progress(),
  e.extensionRequested(5),
  e.extensionApproved(5, DEADLINE, '2024-06-24', '2024-06-12'),
  e.escalated('district', 'city'),
  e.supervisionIssued('请加快办理', true),
  e.flaggedOverdue(2),
  e.duplicateMergedIn(),
  e.resolved('long_term'),
  e.followedUp('unsatisfied', '仍未落实'),
  e.reopened(),
  e.progress(),
  e.resolved('solved'),
  e.followedUp('satisfied'),
  e.closed(),
];

describe('a problem snapshot', () => {
  const histories: Record<string, ProblemEvent[]> = {
    'every kind of step': steps,
    closed: givenClosedProblem(),
    reopened: givenReopenedProblem(),
    merged: givenMergedProblem(),
    withdrawn: givenWithdrawnProblem(),
  };

  it.each(Object.entries(histories))('survives JSON at every version of a life: %s', (_, events) => {
    for (let version = 0; version <= events.length; version++) {
      const state = fold(events.slice(0, version));
      expect(viaJson(state)).toStrictEqual(state);
      expect(fold(events.slice(version), viaJson(state))).toStrictEqual(fold(events));
    }
  });

  it('gives the full fold from any snapshot point of any (arbitrary) sequence of problem events', () => {
    const anyEvent = fc.constantFrom(...steps);
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 60 }), fc.nat(), (events, at) => {
        const version = events.length === 0 ? 0 : at % (events.length + 1);
        const snapshot = viaJson(fold(events.slice(0, version)));
        expect(fold(events.slice(version), snapshot)).toStrictEqual(fold(events));
      }),
    );
  });
});
