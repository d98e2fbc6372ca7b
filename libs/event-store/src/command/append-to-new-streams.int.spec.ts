import {
  InvalidAppendError,
  RequiredStreamMissingError,
  handleCommandsTogether,
  handleDeciderCommand,
  type Decider,
  type DomainEvent,
  type EventStore,
} from '@app/event-store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

// A ticket that is opened once and then takes notes; opening an open ticket decides nothing.
type TicketEvent = DomainEvent<'TicketOpened', { title: string }> | DomainEvent<'TicketNoted', { text: string }>;
type TicketCommand = { type: 'OpenTicket'; title: string } | { type: 'AddNote'; text: string };
interface TicketState {
  open: boolean;
  notes: number;
}
class TicketNotOpenError extends Error {}
class OwnerNotFoundError extends Error {}

const ticket: Decider<TicketCommand, TicketState, TicketEvent> = {
  initialState: () => ({ open: false, notes: 0 }),
  decide(command, state) {
    if (command.type === 'OpenTicket') return state.open ? [] : [{ type: 'TicketOpened', data: { title: command.title } }];
    if (!state.open) throw new TicketNotOpenError();
    return [{ type: 'TicketNoted', data: { text: command.text } }];
  },
  evolve: (state, event) => (event.type === 'TicketOpened' ? { ...state, open: true } : { ...state, notes: state.notes + 1 }),
};

/** The store, counting the reads commands make before they decide. */
function countingReads(store: EventStore): EventStore & { reads: () => number } {
  let reads = 0;
  return Object.assign(Object.create(store) as EventStore, {
    reads: () => reads,
    loadStreams(...args: Parameters<EventStore['loadStreams']>) {
      reads++;
      return store.loadStreams(...args);
    },
  });
}

describe.each(testDatabaseKinds())('commands on new streams (no read first) on %s', (kind) => {
  let db: TestDatabase;
  let n = 0;
  const newId = (what: string) => `${what}-${++n}`;
  const owner = () => ({ streamId: 'owner-1', otherwise: () => new OwnerNotFoundError() });
  const countEvents = async () => (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events'))[0].n;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.store().append('owner-1', [{ type: 'OwnerRegistered', data: {} }]);
  });
  afterAll(() => db?.close());

  const run = (store: EventStore, streamId: string, command: TicketCommand, options: Parameters<typeof handleDeciderCommand>[4] = {}) =>
    handleDeciderCommand(store, streamId, ticket, command, { newStream: true, requires: [owner()], ...options });

  it('a new stream is created without a read, with the result reading first gives', async () => {
    const store = countingReads(db.store());
    const [fresh, read] = [newId('ticket'), newId('ticket')];

    const created = await run(store, fresh, { type: 'OpenTicket', title: '融资' }, { metadata: { actorId: 'u-1' } });
    const reference = await handleDeciderCommand(db.store(), read, ticket, { type: 'OpenTicket', title: '融资' });

    expect(store.reads()).toBe(0);
    expect(created).toMatchObject({ events: reference.events, state: reference.state, version: 1, append: { replayed: false } });
    const [stored] = await db.store().readStream(fresh);
    expect(stored).toMatchObject({ type: 'TicketOpened', data: { title: '融资' }, metadata: { actorId: 'u-1' } });
  });

  it('a retry under the same idempotency key appends nothing and returns the first append', async () => {
    const id = newId('ticket');
    const first = await run(db.store(), id, { type: 'OpenTicket', title: 'a' }, { idempotencyKey: `k-${id}` });
    const before = await countEvents();

    const retry = await run(db.store(), id, { type: 'OpenTicket', title: 'a' }, { idempotencyKey: `k-${id}` });

    expect(retry).toMatchObject({ events: [], version: 1, state: { open: true }, append: { ...first.append, replayed: true } });
    expect(await countEvents()).toBe(before);
  });

  it('a stream that exists after all is read and decided as usual', async () => {
    const id = newId('ticket');
    await run(db.store(), id, { type: 'OpenTicket', title: 'a' });
    const store = countingReads(db.store());

    // On the initial state this decides TicketOpened; on the stored one, nothing.
    const again = await run(store, id, { type: 'OpenTicket', title: 'b' });
    // On the initial state this throws TicketNotOpenError; on the stored one it is a note.
    const noted = await run(store, id, { type: 'AddNote', text: '回访' });

    expect(again).toMatchObject({ events: [], append: null, version: 1 });
    expect(noted).toMatchObject({ version: 2, state: { open: true, notes: 1 } });
    expect(store.reads()).toBe(2);
    expect((await db.store().readStream(id)).map((e) => e.type)).toEqual(['TicketOpened', 'TicketNoted']);
  });

  it('a missing required stream is the required stream’s own error, and nothing is appended', async () => {
    const id = newId('ticket');
    const before = await countEvents();

    const error = await run(db.store(), id, { type: 'OpenTicket', title: 'a' }, { requires: [{ streamId: 'owner-404', otherwise: () => new OwnerNotFoundError() }] }).catch((e) => e);

    expect(error).toBeInstanceOf(OwnerNotFoundError);
    expect(await countEvents()).toBe(before);
    expect(await db.store().streamVersion(id)).toBe(0);
  });

  it('several new streams are created together, or none is', async () => {
    const store = countingReads(db.store());
    const [a, b] = [newId('ticket'), newId('ticket')];
    const step = (streamId: string) => ({ streamId, decider: ticket, command: { type: 'OpenTicket', title: streamId } as TicketCommand });

    const results = await handleCommandsTogether(store, [step(a), step(b)], { newStreams: true, requires: [owner()] });
    const [c, d] = [newId('ticket'), newId('ticket')];
    const refused = await handleCommandsTogether(store, [step(c), step(d)], {
      newStreams: true,
      requires: [{ streamId: 'owner-404', otherwise: () => new OwnerNotFoundError() }],
    }).catch((e) => e);

    expect(store.reads()).toBe(0);
    expect(results.map((r) => [r.streamId, r.version, r.events.length])).toEqual([[a, 1, 1], [b, 1, 1]]);
    expect(refused).toBeInstanceOf(OwnerNotFoundError);
    expect([await db.store().streamVersion(c), await db.store().streamVersion(d)]).toEqual([0, 0]);
  });

  it('the store refuses an append whose required stream is missing, and malformed required ids', async () => {
    const id = newId('ticket');

    const missing = await db.store().append(id, [{ type: 'TicketOpened', data: {} }], { requires: ['owner-1', 'owner-404'] }).catch((e) => e);
    const missingForMany = await db
      .store()
      .append(id, [{ type: 'TicketOpened', data: {} }, { type: 'TicketNoted', data: {} }], { requires: ['owner-404'], idempotencyKey: `k-${id}` })
      .catch((e) => e);
    const malformed = await db.store().append(id, [{ type: 'TicketOpened', data: {} }], { requires: [' owner'] }).catch((e) => e);

    expect(missing).toBeInstanceOf(RequiredStreamMissingError);
    expect(missing).toMatchObject({ streamId: id, missing: 'owner-404' });
    expect(missingForMany).toBeInstanceOf(RequiredStreamMissingError);
    expect(malformed).toBeInstanceOf(InvalidAppendError);
    expect(malformed).toMatchObject({ path: 'requires[0]' });
    expect(await db.store().streamVersion(id)).toBe(0);
    await db.store().append(id, [{ type: 'TicketOpened', data: {} }], { requires: ['owner-1'] });
    await db.store().append(id, [{ type: 'TicketNoted', data: {} }, { type: 'TicketNoted', data: {} }], { requires: ['owner-1'], idempotencyKey: `k2-${id}` });
    expect(await db.store().streamVersion(id)).toBe(3);
  });
});
