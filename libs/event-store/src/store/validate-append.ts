import { InvalidAppendError } from './event-store.errors';
import type { AppendOptions, NewEvent } from './event.types';

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;
/** Required streams are a command's few preconditions (an enterprise, a policy item), never a list of records. */
const MAX_REQUIRED = 20;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;

/** Rejects input that would be stored wrongly or not at all, before any SQL runs. */
export function validateAppend(streamId: unknown, events: unknown, options: AppendOptions): void {
  if (typeof streamId !== 'string' || !STREAM_ID.test(streamId)) {
    throw new InvalidAppendError(
      'stream id must be 1-200 characters of letters, digits and _.:@- starting with a letter or digit',
      'streamId',
    );
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('at least one event is required', 'events');
  }
  validateExpectedVersion(options.expectedVersion);
  if (options.idempotencyKey !== undefined) {
    const key = options.idempotencyKey;
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
      throw new InvalidAppendError('must be a string of 1-200 characters', 'idempotencyKey');
    }
  }
  if (options.requires !== undefined) {
    const requires: unknown = options.requires;
    if (!Array.isArray(requires) || requires.length > MAX_REQUIRED) {
      throw new InvalidAppendError(`must be an array of at most ${MAX_REQUIRED} stream ids`, 'requires');
    }
    requires.forEach((id: unknown, i) => {
      if (typeof id !== 'string' || !STREAM_ID.test(id)) throw new InvalidAppendError('must be a stream id', `requires[${i}]`);
    });
  }
  // An index loop, not forEach: forEach skips the holes of a sparse array, which JSON.stringify turns into null.
  for (let i = 0; i < events.length; i++) validateEvent(events[i] as NewEvent, `events[${i}]`);
}

function validateExpectedVersion(expected: unknown): void {
  if (expected === undefined || expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidAppendError(
    `must be a non-negative integer, 'no_stream', 'stream_exists' or 'any'; got ${JSON.stringify(expected)}`,
    'expectedVersion',
  );
}

function validateEvent(event: NewEvent, path: string): void {
  if (event === null || typeof event !== 'object') throw new InvalidAppendError('must be an object', path);
  if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
    throw new InvalidAppendError('must be an explicit type name (letters, digits, _.:-)', `${path}.type`);
  }
  const version = event.schemaVersion ?? 1;
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new InvalidAppendError('must be a positive integer', `${path}.schemaVersion`);
  }
  if (event.data === undefined) throw new InvalidAppendError('is required', `${path}.data`);
  assertJson(event.data, `${path}.data`, new Set());
  if (event.metadata !== undefined) {
    if (event.metadata === null || typeof event.metadata !== 'object' || Array.isArray(event.metadata)) {
      throw new InvalidAppendError('must be an object', `${path}.metadata`);
    }
    assertJson(event.metadata, `${path}.metadata`, new Set());
  }
  if (event.businessTime != null) {
    if (typeof event.businessTime !== 'string' || Number.isNaN(Date.parse(event.businessTime))) {
      throw new InvalidAppendError('must be an ISO 8601 date or date-time', `${path}.businessTime`);
    }
  }
}

/**
 * JSON.stringify silently drops or rewrites many values (NaN → null, Date → string, Map → {}),
 * which would store something other than what the decider produced. Only plain JSON passes.
 */
function assertJson(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidAppendError(`${value} is not representable in JSON`, path);
      return;
    case 'object': {
      if (value === null) return;
      if (seen.has(value)) throw new InvalidAppendError('contains a circular reference', path);
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i]; // a hole reads as undefined, and is refused like it
          if (item === undefined) throw new InvalidAppendError('undefined is not representable in JSON', `${path}[${i}]`);
          assertJson(item, `${path}[${i}]`, seen);
        }
      } else {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          const kind = (value as object).constructor?.name ?? 'object';
          throw new InvalidAppendError(`a ${kind} is not plain JSON; convert it first (dates as ISO strings)`, path);
        }
        for (const [key, item] of Object.entries(value)) {
          if (item !== undefined) assertJson(item, `${path}.${key}`, seen);
        }
      }
      seen.delete(value);
      return;
    }
    default:
      throw new InvalidAppendError(`a ${typeof value} is not representable in JSON`, path);
  }
}
