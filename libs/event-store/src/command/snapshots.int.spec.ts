import { handleCommandsTogether, handleDeciderCommand, loadState, type Decider, type DomainEvent, type EventStore, type LoadedStream } from '@app/event-store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

// A counter that keeps the notes' texts: its state grows with the stream, like a problem's.
type NoteEvent = DomainEvent<'Noted', { text: string }>;
interface NotesState {
  count: number;
  texts: string[];
}
const EVERY = 5;
const notes: Decider<{ text: string | null }, NotesState, NoteEvent> = {
  initialState: () => ({ count: 0, texts: [] }),
  decide: (command) => (command.text === null ? [] : [{ type: 'Noted', data: { text: command.text } }]),
  evolve: (state, event) => ({ count: state.count + 1, texts: [...state.texts, event.data.text] }),
  snapshot: { key: 'notes/1', every: EVERY },
};
const withoutSnapshots: Decider<{ text: string | null }, NotesState, NoteEvent> = { ...notes, snapshot: undefined };

/** Records how many events each snapshot read folded. */
function countingFolds(store: EventStore): EventStore & { folded: number[] } {
  const folded: number[] = [];
  return Object.assign(Object.create(store) as EventStore, {
    folded,
    async loadStreams(...args: Parameters<EventStore['loadStreams']>): Promise<LoadedStream[]> {
      const loaded = await store.loadStreams(...args);
      folded.push(...loaded.map((l) => l.events.length));
      return loaded;
    },
  });
}

describe.each(testDatabaseKinds())('command snapshots on %s', (kind) => {
  let db: TestDatabase;
  let streamNo = 0;
  const newStream = () => `notes-${++streamNo}`;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  const note = (streamId: string, text: string | null, store: EventStore = db.store(), decider = notes) =>
    handleDeciderCommand(store, streamId, decider, { text });
  async function givenNotes(streamId: string, n: number, store?: EventStore): Promise<void> {
    for (let i = 1; i <= n; i++) await note(streamId, `第${i}条`, store);
  }
  const snapshotRow = async (streamId: string) =>
    (await db.sql.query<{ version: number; state_key: string }>('SELECT version, state_key FROM es_snapshots WHERE stream_id = $1', [streamId]))[0];
  const fullFold = async (streamId: string) => (await loadState(db.store(), streamId, withoutSnapshots)).state;

  it('a command folds at most `every` events however long the stream, and its state is the full fold', async () => {
    const id = newStream();
    const store = countingFolds(db.store());
    await givenNotes(id, 60, store);
    expect(Math.max(...store.folded)).toBeLessThanOrEqual(EVERY);
    const loaded = await loadState(db.store(), id, notes);
    expect(loaded.version).toBe(60);
    expect(loaded.state).toEqual(await fullFold(id));
    expect(loaded.state.texts).toHaveLength(60);
    expect((await snapshotRow(id)).version).toBeGreaterThanOrEqual(60 - EVERY);
  });

  it('the result a command returns is the same with and without snapshots', async () => {
    const id = newStream();
    await givenNotes(id, 23);
    const withSnap = await note(id, 'again', db.store(), notes);
    const withoutSnap = await loadState(db.store(), id, withoutSnapshots);
    expect(withSnap.state).toEqual(withoutSnap.state);
    expect(withSnap.version).toBe(withoutSnap.version);
  });

  it('a command that decides nothing still keeps the snapshot fresh', async () => {
    const id = newStream();
    await givenNotes(id, EVERY - 1, db.store());
    expect(await snapshotRow(id)).toBeUndefined();
    // Written by commands without the policy, so nothing snapshot them.
    for (let i = 0; i < 7; i++) await note(id, `无快照${i}`, db.store(), withoutSnapshots);
    await note(id, null);
    expect((await snapshotRow(id)).version).toBe(EVERY - 1 + 7);
  });

  it('a snapshot under another state key is never read (the fold changed)', async () => {
    const id = newStream();
    await givenNotes(id, 3);
    await db.store().saveSnapshot(id, 'notes/0', 3, { count: 999, texts: ['旧代码的状态'] });
    const loaded = await loadState(db.store(), id, notes);
    expect(loaded.state).toEqual({ count: 3, texts: ['第1条', '第2条', '第3条'] });
    // …and the next due snapshot replaces it, though not newer.
    await givenNotes(id, EVERY);
    expect(await snapshotRow(id)).toMatchObject({ state_key: 'notes/1' });
  });

  it('a snapshot ahead of the stream (a log restored from an older backup) is not used', async () => {
    const id = newStream();
    await givenNotes(id, 2);
    await db.store().saveSnapshot(id, 'notes/1', 40, { count: 40, texts: [] });
    expect((await loadState(db.store(), id, notes)).state).toEqual({ count: 2, texts: ['第1条', '第2条'] });
  });

  it('an older snapshot never replaces a newer one', async () => {
    const id = newStream();
    await givenNotes(id, 12);
    const at = (await snapshotRow(id)).version;
    await db.store().saveSnapshot(id, 'notes/1', 1, { count: 1, texts: ['第1条'] });
    expect((await snapshotRow(id)).version).toBe(at);
  });

  it('a snapshot that cannot be stored does not fail the command', async () => {
    const id = newStream();
    const failures: string[] = [];
    const broken = Object.assign(Object.create(db.store()) as EventStore, {
      saveSnapshot: () => Promise.reject(new Error('disk full')),
    });
    for (let i = 0; i < EVERY + 2; i++) {
      await handleDeciderCommand(broken, id, notes, { text: `n${i}` }, { onSnapshotError: (e) => failures.push((e as Error).message) });
    }
    expect(await snapshotRow(id)).toBeUndefined();
    expect(failures.length).toBeGreaterThan(0);
    expect((await loadState(db.store(), id, notes)).state.count).toBe(EVERY + 2);
  });

  it('a group of commands starts each stream from its snapshot too', async () => {
    const [a, b] = [newStream(), newStream()];
    await givenNotes(a, 30);
    const store = countingFolds(db.store());
    const results = await handleCommandsTogether(store, [
      { streamId: a, decider: notes, command: { text: 'a' } },
      { streamId: b, decider: notes, command: { text: 'b' } },
    ]);
    expect(Math.max(...store.folded)).toBeLessThanOrEqual(EVERY);
    expect(results[0].state).toEqual(await fullFold(a));
    expect(results[0].version).toBe(31);
    expect(results[1].version).toBe(1);
  });
});
