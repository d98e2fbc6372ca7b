import type { Decider, DomainEvent } from '../command/decider';
import { deciderSpec } from './decider-spec';

// A counter that refuses to go below zero: just enough decider to exercise the helper.
type CounterEvent = DomainEvent<'Incremented', { by: number }> | DomainEvent<'Decremented', { by: number }>;
type CounterCommand = { type: 'Increment'; by: number } | { type: 'Decrement'; by: number };
class BelowZeroError extends Error {
  constructor(readonly value: number) {
    super(`Counter would go below zero (${value})`);
  }
}
class OtherError extends Error {}

const counter: Decider<CounterCommand, number, CounterEvent> = {
  initialState: () => 0,
  decide: (command, value) => {
    if (command.type === 'Increment') return [{ type: 'Incremented', data: { by: command.by } }];
    if (value - command.by < 0) throw new BelowZeroError(value - command.by);
    return [{ type: 'Decremented', data: { by: command.by } }];
  },
  evolve: (value, event) => (event.type === 'Incremented' ? value + event.data.by : value - event.data.by),
};

const spec = deciderSpec(counter);
const incremented = (by: number): CounterEvent => ({ type: 'Incremented', data: { by } });
const decremented = (by: number): CounterEvent => ({ type: 'Decremented', data: { by } });

describe('deciderSpec', () => {
  describe('then', () => {
    it('passes when decide returns the expected events (folding the history first)', () => {
      expect(() => spec.given([incremented(2), incremented(1)]).when({ type: 'Decrement', by: 3 }).then([decremented(3)])).not.toThrow();
    });

    it('fails when decide returns other events, showing both', () => {
      expect(() => spec.given([]).when({ type: 'Increment', by: 1 }).then([incremented(2)])).toThrow(
        /Expected events[\s\S]*"by":2[\s\S]*decide returned[\s\S]*"by":1/,
      );
      expect(() => spec.given([]).when({ type: 'Increment', by: 1 }).then([])).toThrow(/Expected events/);
    });

    it('fails when decide throws instead of returning events', () => {
      expect(() => spec.given([]).when({ type: 'Decrement', by: 1 }).then([decremented(1)])).toThrow(BelowZeroError);
    });
  });

  describe('thenThrows', () => {
    it('passes on the expected error type, and on a matching message', () => {
      const when = spec.given([incremented(1)]).when({ type: 'Decrement', by: 2 });
      expect(() => when.thenThrows(BelowZeroError)).not.toThrow();
      expect(() => when.thenThrows(BelowZeroError, 'below zero (-1)')).not.toThrow();
      expect(() => when.thenThrows(BelowZeroError, /below zero \(-\d\)/)).not.toThrow();
    });

    it('fails on the wrong error type', () => {
      expect(() => spec.given([]).when({ type: 'Decrement', by: 1 }).thenThrows(OtherError)).toThrow(
        /Expected OtherError but decide threw .*below zero/,
      );
    });

    it('fails when the message does not match', () => {
      const when = spec.given([]).when({ type: 'Decrement', by: 1 });
      expect(() => when.thenThrows(BelowZeroError, 'above')).toThrow(/does not match/);
      expect(() => when.thenThrows(BelowZeroError, /^nothing$/)).toThrow(/does not match/);
    });

    it('fails when an error was expected but events came back', () => {
      expect(() => spec.given([incremented(5)]).when({ type: 'Decrement', by: 1 }).thenThrows(BelowZeroError)).toThrow(
        /Expected BelowZeroError but decide returned .*Decremented/,
      );
    });
  });
});
