import {
  ConcurrencyError,
  StreamBusyError,
  assertNever,
  handleDeciderCommand,
  type Decider,
  type DomainEvent,
  type EventStore,
} from '@app/event-store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

// A tiny ticket: open it (optionally with a first note), add numbered notes, close it once.
type TicketEvent =
  | DomainEvent<'TicketOpened', { title: string }>
  | DomainEvent<'TicketNoted', { seq: number; text: string }>
  | DomainEvent<'TicketClosed', { reason: string }>;
type TicketCommand =
  | { type: 'OpenTicket'; title: string; firstNote?: string }
  | { type: 'AddNote'; text: string }
  | { type: 'CloseTicket'; reason: string };
interface TicketState {
  status: 'none' | 'open' | 'closed';
  notes: number;
}
class TicketNotOpenError extends Error {}
class TicketAlreadyClosedError extends Error {}

const ticket: Decider<TicketCommand, TicketState, TicketEvent> = {
  initialState: () => ({ status: 'none', notes: 0 }),
  decide(command, state) {
    switch (command.type) {
      case 'OpenTicket': {
        if (state.status !== 'none') return [];
        const opened: TicketEvent[] = [{ type: 'TicketOpened', data: { title: command.title } }];
        if (command.firstNote) opened.push({ type: 'TicketNoted', data: { seq: 1, text: command.firstNote } });
        return opened;
      }
      case 'AddNote':
        if (state.status !== 'open') throw new TicketNotOpenError();
        return [{ type: 'TicketNoted', data: { seq: state.notes + 1, text: command.text } }];
      case 'CloseTicket':
        if (state.status === 'closed') throw new TicketAlreadyClosedError();
        if (state.status !== 'open') throw new TicketNotOpenError();
        return [{ type: 'TicketClosed', data: { reason: command.reason } }];
      default:
        return assertNever(command, 'command');
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'TicketOpened':
        return { ...state, status: 'open' };
      case 'TicketNoted':
        return { ...state, notes: event.data.seq };
      case 'TicketClosed':
        return { ...state, status: 'closed' };
    }
  },
};

/** A store whose first `racers` stream reads all return before any of them goes on: a forced race. */
function storeWithRacingReads(store: EventStore, racers: number): EventStore & { reads: () => number } {
  let reads = 0;
  let allRead!: () => void;
  const met = new Promise<void>((resolve) => (allRead = resolve));
  return Object.assign(Object.create(store) as EventStore, {
    reads: () => reads,
    async loadStreams(...args: Parameters<EventStore['loadStreams']>) {
      const loaded = await store.loadStreams(...args);
      if (++reads === racers) allRead();
      if (reads <= racers) await met;
      return loaded;
    },
  });
}

/** A store where a rival's note always lands between this writer's read and its append: it loses every race. */
function storeAlwaysOvertaken(store: EventStore): EventStore {
  return Object.assign(Object.create(store) as EventStore, {
    async append(...args: Parameters<EventStore['append']>) {
      const [streamId] = args;
      const version = await store.streamVersion(streamId);
      await store.append(streamId, [{ type: 'TicketNoted', data: { seq: 0, text: 'rival' } }], { expectedVersion: version });
      return store.append(...args);
    },
  });
}

describe.each(testDatabaseKinds())('handleCommand on %s', (kind) => {
  let db: TestDatabase;
  let ticketNo = 0;
  const newTicket = () => `ticket-${++ticketNo}`;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  const run = (streamId: string, command: TicketCommand, options?: Parameters<typeof handleDeciderCommand>[4], store: EventStore = db.store()) =>
    handleDeciderCommand(store, streamId, ticket, command, options);
  const countEvents = async () => (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events'))[0].n;
  async function givenOpenTicket(): Promise<string> {
    const id = newTicket();
    await run(id, { type: 'OpenTicket', title: '融资难' });
    return id;
  }

  it('a decision of [] appends nothing', async () => {
    const id = await givenOpenTicket();
    const before = await countEvents();

    const result = await run(id, { type: 'OpenTicket', title: 'again' });

    expect(result).toMatchObject({ events: [], append: null, version: 1, state: { status: 'open' } });
    expect(await countEvents()).toBe(before);
  });

  it('a domain error thrown by decide propagates untouched and appends nothing', async () => {
    const id = newTicket();
    const before = await countEvents();

    await expect(run(id, { type: 'AddNote', text: 'too early' })).rejects.toBeInstanceOf(TicketNotOpenError);

    expect(await countEvents()).toBe(before);
    expect(await db.store().streamVersion(id)).toBe(0);
  });

  it('a stale expectedVersion is a ConcurrencyError with both versions, never a re-decision', async () => {
    const id = await givenOpenTicket();
    await run(id, { type: 'AddNote', text: 'first' });
    const before = await countEvents();

    const error = await run(id, { type: 'AddNote', text: 'seen v1' }, { expectedVersion: 1, retries: 3 }).catch((e) => e);

    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: id, expected: 1, actual: 2 });
    expect(await countEvents()).toBe(before);
    const current = await run(id, { type: 'AddNote', text: 'seen v2' }, { expectedVersion: 2 });
    expect(current.version).toBe(3);
  });

  it('with retries, two racing commands both succeed and the loser re-decides on the winner’s events', async () => {
    const id = await givenOpenTicket();
    const racing = storeWithRacingReads(db.store(), 2);

    const results = await Promise.all([
      run(id, { type: 'AddNote', text: 'a' }, { retries: 1 }, racing),
      run(id, { type: 'AddNote', text: 'b' }, { retries: 1 }, racing),
    ]);

    expect(racing.reads()).toBe(3); // both read version 1; exactly one re-read after losing
    const notes = (await db.store().readStream(id)).filter((e) => e.type === 'TicketNoted').map((e) => e.data);
    expect(notes.map((n) => (n as { seq: number }).seq)).toEqual([1, 2]);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3]);
    expect(results.find((r) => r.version === 3)!.events).toEqual([
      { type: 'TicketNoted', data: { seq: 2, text: expect.any(String) } },
    ]);
  });

  it('out of retries, a command that pinned no version gets a StreamBusyError (no invented version) and waits between attempts', async () => {
    const id = await givenOpenTicket();
    const waits: number[] = [];

    const error = await run(id, { type: 'AddNote', text: 'mine' }, { retries: 2, retryDelayMs: (n) => (waits.push(n), 1) }, storeAlwaysOvertaken(db.store())).catch((e) => e);

    expect(error).toBeInstanceOf(StreamBusyError);
    expect(error).toMatchObject({ streamId: id, attempts: 3 });
    expect(error).not.toHaveProperty('expected');
    expect(waits).toEqual([1, 2]);
    const texts = (await db.store().readStream(id)).filter((e) => e.type === 'TicketNoted').map((e) => (e.data as { text: string }).text);
    expect(texts).toEqual(['rival', 'rival', 'rival']);
  });

  it('without retries, the loser of a race gets a ConcurrencyError and appends nothing', async () => {
    const id = await givenOpenTicket();
    const racing = storeWithRacingReads(db.store(), 2);

    const outcomes = await Promise.allSettled([
      run(id, { type: 'AddNote', text: 'a' }, {}, racing),
      run(id, { type: 'AddNote', text: 'b' }, {}, racing),
    ]);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [lost] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(lost.reason).toBeInstanceOf(ConcurrencyError);
    expect(lost.reason).toMatchObject({ expected: 1, actual: 2 });
    expect(await db.store().streamVersion(id)).toBe(2);
  });

  it('a repeated idempotency key returns the first append and appends nothing, though decide would now throw', async () => {
    const id = await givenOpenTicket();
    const first = await run(id, { type: 'CloseTicket', reason: 'solved' }, { idempotencyKey: `close-${id}` });
    const before = await countEvents();

    const repeat = await run(id, { type: 'CloseTicket', reason: 'solved' }, { idempotencyKey: `close-${id}` });

    expect(first.append?.replayed).toBe(false);
    expect(repeat).toMatchObject({ events: [], version: 2, state: { status: 'closed' } });
    expect(repeat.append).toEqual({ ...first.append, replayed: true });
    expect(await countEvents()).toBe(before);
    // Without the key the same command is refused: the replay really skipped decide.
    await expect(run(id, { type: 'CloseTicket', reason: 'solved' })).rejects.toBeInstanceOf(TicketAlreadyClosedError);
  });

  it('metadata lands on every appended event', async () => {
    const id = newTicket();
    const metadata = { actorId: 'officer-7', correlationId: 'req-42', tenantId: 'zone-a' };

    const result = await run(id, { type: 'OpenTicket', title: '用工', firstNote: '企业来电' }, { metadata });

    expect(result.events.map((e) => e.type)).toEqual(['TicketOpened', 'TicketNoted']);
    const stored = await db.store().readStream(id);
    expect(stored).toHaveLength(2);
    stored.forEach((e) => expect(e.metadata).toEqual(metadata));
  });
});
