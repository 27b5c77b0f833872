/** A periodic task of the server process. */
export type Schedule = { stop(): void };

/**
 * Runs `task` after `firstDelayMs`, then every `intervalMs`, never twice at once (a slow run makes the next tick
 * skip, not pile up). A failure is handed to `onError` and the schedule goes on. The timers do not keep the process
 * alive. Schedules are started by the process entry (src/main.ts), never by an HTTP plugin, so test apps and
 * benchmarks run none.
 */
export function every(
  task: () => Promise<unknown>,
  options: { firstDelayMs: number; intervalMs: number; onError?: (error: unknown) => void },
): Schedule {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstDelayMs);
  const timer = setInterval(() => void tick(), options.intervalMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

/**
 * The start of the period of length `intervalMs` that `now` falls in, counted from the Unix epoch (so hourly periods
 * start on the UTC hour and every process agrees on them): the key of a periodic task's run in `scheduled_runs`.
 */
export function periodStart(now: Date, intervalMs: number): Date {
  return new Date(Math.floor(now.getTime() / intervalMs) * intervalMs);
}
