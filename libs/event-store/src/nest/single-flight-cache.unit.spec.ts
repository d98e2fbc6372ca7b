import { SingleFlightCache } from './single-flight-cache';

describe('SingleFlightCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000));

  it('shares one load among concurrent callers and serves it until the ttl passes', async () => {
    let loads = 0;
    const cache = new SingleFlightCache(async () => ++loads, 1_000, now);
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual([1, 1, 1]);
    clock += 999;
    expect(await cache.get()).toBe(1);
    clock += 1;
    expect(await cache.get()).toBe(2);
    expect(loads).toBe(2);
  });

  it('keeps no failed load: the next caller loads again', async () => {
    let loads = 0;
    const cache = new SingleFlightCache(async () => {
      loads++;
      if (loads === 1) throw new Error('database down');
      return loads;
    }, 1_000, now);
    await expect(cache.get()).rejects.toThrow('database down');
    expect(await cache.get()).toBe(2);
  });
});
