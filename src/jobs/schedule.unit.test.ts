import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { every } from './schedule';

describe('every', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs after the first delay, then at each interval, until stopped', async () => {
    const task = vi.fn(async () => undefined);
    const schedule = every(task, { firstDelayMs: 100, intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(99);
    expect(task).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(task).toHaveBeenCalledTimes(3);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('never runs twice at once, and goes on after a failure', async () => {
    let release: () => void = () => undefined;
    const errors: unknown[] = [];
    let calls = 0;
    const schedule = every(
      () => {
        calls += 1;
        if (calls === 1) return new Promise<void>((resolve) => (release = resolve));
        return Promise.reject(new Error('down'));
      },
      { firstDelayMs: 10, intervalMs: 10, onError: (error) => errors.push(error) },
    );
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(3);
    schedule.stop();
  });
});
