import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Commands on one stream run one after another within this process; commands on different streams
 * run side by side. Without it, N requests on one busy problem each read the same version, one wins,
 * and the others re-read, re-decide and back off (optimistic retries): work thrown away, and under
 * sustained load a request can lose often enough to run out of retries. Queued, each command reads
 * the version its predecessor wrote. The version check stays: other processes (a second API replica,
 * the worker's jobs) still race, and lose to a retry as before.
 *
 * A run started inside another run (a command issued while handling one) is not queued again: it
 * would wait on a tail that waits on it.
 */
export class StreamQueue {
  /** Per stream: the promise that settles when the last queued run on it has finished. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly inside = new AsyncLocalStorage<true>();

  /** Streams with a run in progress or waiting (bounded by the requests in flight). */
  get busyStreams(): number {
    return this.tails.size;
  }

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return work();
    const previous = this.tails.get(key);
    const result = previous ? previous.then(() => this.inside.run(true, work)) : this.inside.run(true, work);
    // A failed run must not stop the next one: the tail settles either way.
    const tail = result.then(settled, settled);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

const settled = (): void => undefined;
