import { BUSY_RETRIES, busyWaitMs, isStreamBusy, retryWhileStreamBusy } from './busy-retry';

const busy = () =>
  new Response(JSON.stringify({ statusCode: 503, error: 'STREAM_BUSY', message: 'busy' }), { status: 503, headers: { 'Retry-After': '1' } });
const ok = () => new Response(JSON.stringify({ position: 7 }), { status: 200 });

describe('sending a step again while its problem is busy', () => {
  it('retries a STREAM_BUSY answer, waiting as Retry-After says, until it goes through', async () => {
    const answers = [busy(), ok()];
    const waits: number[] = [];
    const final = await retryWhileStreamBusy(busy(), async () => answers.shift()!, async (ms) => void waits.push(ms));
    expect(final.status).toBe(200);
    expect(await final.json()).toEqual({ position: 7 });
    expect(waits).toHaveLength(2);
    for (const ms of waits) expect(ms).toBeGreaterThanOrEqual(500);
  });

  it('gives up after a few attempts and hands back the last answer', async () => {
    let sent = 0;
    const final = await retryWhileStreamBusy(busy(), async () => (sent++, busy()), async () => undefined);
    expect(sent).toBe(BUSY_RETRIES);
    expect(final.status).toBe(503);
  });

  it('leaves every other answer alone, other 503s included', async () => {
    let sent = 0;
    const again = async () => (sent++, ok());
    const timeout = new Response(JSON.stringify({ error: 'READ_MODEL_TIMEOUT' }), { status: 503 });
    expect((await retryWhileStreamBusy(timeout, again, async () => undefined)).status).toBe(503);
    expect((await retryWhileStreamBusy(new Response('{}', { status: 409 }), again, async () => undefined)).status).toBe(409);
    expect(sent).toBe(0);
    expect(await isStreamBusy(new Response('not json', { status: 503 }))).toBe(false);
  });

  it('caps a long Retry-After', () => {
    const long = new Response('{}', { status: 503, headers: { 'Retry-After': '3600' } });
    expect(busyWaitMs(long, () => 0.5)).toBe(5000);
  });
});
