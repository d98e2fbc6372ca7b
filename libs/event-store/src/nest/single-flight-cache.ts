/**
 * One load at a time, and its result shared for `ttlMs`: however many probes, scrapes and dashboards ask at once,
 * the database answers one query per period. A failed load is not kept — the next caller tries again.
 */
export class SingleFlightCache<T> {
  private value: { at: number; result: T } | null = null;
  private inFlight: Promise<T> | null = null;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The next get() loads afresh (after a change the caller made and wants to see). */
  forget(): void {
    this.value = null;
  }

  get(): Promise<T> {
    if (this.value !== null && this.now() - this.value.at < this.ttlMs) return Promise.resolve(this.value.result);
    this.inFlight ??= this.load()
      .then((result) => {
        this.value = { at: this.now(), result };
        return result;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
