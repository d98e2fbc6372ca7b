import { StreamQueue } from './stream-queue';

/** A promise with its resolve/reject in hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamQueue', () => {
  it('runs work on one stream one at a time, in arrival order, while other streams run alongside', async () => {
    const queue = new StreamQueue();
    const started: string[] = [];
    const gates = { a1: deferred(), a2: deferred(), b1: deferred() };
    const run = (stream: string, name: keyof typeof gates) =>
      queue.run(stream, async () => {
        started.push(name);
        await gates[name].promise;
        return name;
      });

    const a1 = run('a', 'a1');
    const a2 = run('a', 'a2');
    const b1 = run('b', 'b1');
    await tick();
    expect(started).toEqual(['a1', 'b1']);
    expect(queue.busyStreams).toBe(2);

    gates.b1.resolve();
    expect(await b1).toBe('b1');
    await tick();
    expect(started).toEqual(['a1', 'b1']);

    gates.a1.resolve();
    expect(await a1).toBe('a1');
    await tick();
    expect(started).toEqual(['a1', 'b1', 'a2']);
    gates.a2.resolve();
    expect(await a2).toBe('a2');
    await tick();
    expect(queue.busyStreams).toBe(0);
  });

  it('a failed run rejects its own caller only; the next one on the stream runs', async () => {
    const queue = new StreamQueue();
    const failing = queue.run('a', async () => {
      throw new Error('refused');
    });
    const next = queue.run('a', async () => 'ran');

    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('ran');
  });

  it('a run started inside a run is not queued behind it (no deadlock), on the same stream or another', async () => {
    const queue = new StreamQueue();
    const outer = queue.run('a', async () => {
      const same = await queue.run('a', async () => 'inner a');
      const other = await queue.run('b', async () => 'inner b');
      return [same, other];
    });

    await expect(outer).resolves.toEqual(['inner a', 'inner b']);
  });
});
