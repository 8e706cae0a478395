/**
 * When a failed delivery is tried again: exponential backoff with jitter, capped. Attempt n (1 = the first
 * failure) waits base × 2^(n−1), at most `maxMs`, then a random 50–100 % of that ("equal jitter": retries of many
 * dossiers after an outage spread out instead of arriving together, and no wait is shorter than half the step).
 * Defaults (docs/integration.md): 5 s, 10 s, 20 s … capped at 10 minutes, so a portal back after a ten-minute
 * outage receives the backlog within about ten minutes at worst.
 */
export type BackoffSettings = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 5_000, maxMs: 10 * 60_000 };

export const computeRetryDelayMs = (
  attempts: number,
  settings: BackoffSettings,
  random: () => number = Math.random,
): number => {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const step = Math.min(settings.maxMs, settings.baseMs * 2 ** exponent);
  return Math.round(step / 2 + (step / 2) * random());
};
