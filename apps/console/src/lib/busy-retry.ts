/**
 * A step sent without expectedVersion can meet a problem that other people keep changing: the API then re-decides
 * ten times and answers 503 STREAM_BUSY with Retry-After, having recorded nothing. The console sends such a request
 * again by itself (a few times, waiting as told, with the same Idempotency-Key), so a busy moment is not an error
 * a caseworker has to read.
 */
export const BUSY_RETRIES = 3;
const LONGEST_WAIT_MS = 5_000;

export async function isStreamBusy(response: Response): Promise<boolean> {
  if (response.status !== 503) return false;
  try {
    const body = (await response.clone().json()) as { error?: unknown };
    return body.error === 'STREAM_BUSY';
  } catch {
    return false;
  }
}

/** How long Retry-After asks to wait (seconds, capped), with jitter so retrying clients do not collide again. */
export function busyWaitMs(response: Response, random: () => number = Math.random): number {
  const seconds = Number(response.headers.get('Retry-After'));
  const asked = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
  return Math.min(asked, LONGEST_WAIT_MS) * (0.5 + random());
}

/** Sends `again()` while the answer is STREAM_BUSY, at most BUSY_RETRIES times; returns the last answer. */
export async function retryWhileStreamBusy(
  first: Response,
  again: () => Promise<Response>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Response> {
  let response = first;
  for (let attempt = 0; attempt < BUSY_RETRIES && (await isStreamBusy(response)); attempt++) {
    await sleep(busyWaitMs(response));
    response = await again();
  }
  return response;
}
