import { InvalidAppendError } from './event-store.errors';
import type { AppendOptions } from './event.types';
import { validateAppend } from './validate-append';

/** The error validateAppend throws for one event with this data (and these options), or undefined. */
function problemWith(data: unknown, options: AppendOptions = {}, event: object = {}): InvalidAppendError | undefined {
  try {
    validateAppend('case-1', [{ type: 'CaseNoted', data, ...event }], options);
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidAppendError)) throw error;
    return error;
  }
}

class Money {
  constructor(readonly cents: number) {}
}

describe('validateAppend', () => {
  describe('refuses what JSON would silently change, naming where it is', () => {
    const sparse = [1, 2, 3];
    delete sparse[1];
    it.each([
      ['undefined inside an array', { tags: ['a', undefined] }, 'events[0].data.tags[1]'],
      ['a hole in a sparse array', { tags: sparse }, 'events[0].data.tags[1]'],
      ['a Map', { byType: new Map([['a', 1]]) }, 'events[0].data.byType'],
      ['a Set', { ids: new Set([1]) }, 'events[0].data.ids'],
      ['a class instance', { amount: new Money(100) }, 'events[0].data.amount'],
      ['a symbol', { kind: Symbol('k') }, 'events[0].data.kind'],
      ['Infinity', { rate: Infinity }, 'events[0].data.rate'],
      ['-Infinity, deep inside', { a: { b: [{ c: -Infinity }] } }, 'events[0].data.a.b[0].c'],
      ['undefined as the whole data', undefined, 'events[0].data'],
    ])('%s', (_what, data, path) => {
      expect(problemWith(data)?.path).toBe(path);
    });

    it('names the bad type in the message', () => {
      expect(problemWith({ amount: new Money(1) })?.message).toContain('a Money is not plain JSON');
      expect(problemWith({ byType: new Map() })?.message).toContain('a Map is not plain JSON');
    });

    it('checks metadata the same way', () => {
      expect(problemWith({}, {}, { metadata: { at: new Date() } })?.path).toBe('events[0].metadata.at');
    });
  });

  describe('accepts plain JSON', () => {
    const shared = { code: 'A1' };
    it.each([
      ['nested plain objects and arrays', { a: { b: { c: [1, 'two', true, { d: null }] } } }],
      ['null', null],
      ['null properties', { closedAt: null }],
      ['undefined object properties (JSON drops the key, as a decider means)', { note: undefined, n: 1 }],
      ['an object without a prototype', Object.assign(Object.create(null), { a: 1 })],
      ['one object referenced twice (not a cycle)', { first: shared, second: shared }],
      ['primitives as the whole payload', 'just text'],
    ])('%s', (_what, data) => {
      expect(problemWith(data)).toBeUndefined();
    });
  });

  describe('idempotency keys', () => {
    it('accepts 1 to 200 characters', () => {
      expect(problemWith({}, { idempotencyKey: 'k' })).toBeUndefined();
      expect(problemWith({}, { idempotencyKey: 'k'.repeat(200) })).toBeUndefined();
    });

    it.each([
      ['an empty key', ''],
      ['a key of 201 characters', 'k'.repeat(201)],
      ['a number', 42 as unknown as string],
    ])('refuses %s', (_what, idempotencyKey) => {
      expect(problemWith({}, { idempotencyKey })?.path).toBe('idempotencyKey');
    });
  });

  describe('the rest of the event', () => {
    it.each([
      ['schema version 0', { schemaVersion: 0 }, 'events[0].schemaVersion'],
      ['a fractional schema version', { schemaVersion: 1.5 }, 'events[0].schemaVersion'],
      ['a business time that is not a date', { businessTime: 'yesterday' }, 'events[0].businessTime'],
      ['a type with spaces', { type: 'Case Noted' }, 'events[0].type'],
    ])('refuses %s', (_what, event, path) => {
      expect(problemWith({}, {}, event)?.path).toBe(path);
    });

    it('accepts a null business time and a date-only one', () => {
      expect(problemWith({}, {}, { businessTime: null })).toBeUndefined();
      expect(problemWith({}, {}, { businessTime: '2024-06-15' })).toBeUndefined();
    });

    it('refuses a fractional expected version and a hole in the event list', () => {
      expect(problemWith({}, { expectedVersion: 1.5 })?.path).toBe('expectedVersion');
      const events = [{ type: 'CaseNoted', data: {} }, { type: 'CaseNoted', data: {} }];
      delete (events as unknown[])[0];
      expect(() => validateAppend('case-1', events, {})).toThrow(expect.objectContaining({ path: 'events[0]' }));
    });
  });
});
