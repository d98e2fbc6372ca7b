import { isDeepStrictEqual } from 'node:util';
import type { Decider, DomainEvent } from '../command/decider';

/**
 * Given/When/Then for deciders, with no framework and no database:
 *   spec.given([opened]).when(assign).then([assigned]);
 *   spec.given([closed]).when(assign).thenThrows(ProblemClosedError);
 * It fails loudly on its own (plain throws), so it works under any test runner.
 */
export function deciderSpec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  return {
    given(history: E[]) {
      return {
        when(command: C) {
          const run = () =>
            decider.decide(
              command,
              history.reduce((state, event) => decider.evolve(state, event), decider.initialState()),
            );
          return {
            then(expected: E[]): void {
              const actual = run();
              if (!isDeepStrictEqual(actual, expected)) {
                throw new Error(`Expected events\n  ${JSON.stringify(expected)}\nbut decide returned\n  ${JSON.stringify(actual)}`);
              }
            },
            thenThrows(errorType: abstract new (...args: never[]) => Error, message?: string | RegExp): void {
              let events: E[];
              try {
                events = run();
              } catch (error) {
                if (!(error instanceof errorType)) {
                  throw new Error(`Expected ${errorType.name} but decide threw ${String(error)}`, { cause: error });
                }
                if (message && !(typeof message === 'string' ? error.message.includes(message) : message.test(error.message))) {
                  throw new Error(`${errorType.name} message "${error.message}" does not match ${String(message)}`, {
                    cause: error,
                  });
                }
                return;
              }
              throw new Error(`Expected ${errorType.name} but decide returned ${JSON.stringify(events)}`);
            },
          };
        },
      };
    },
  };
}
