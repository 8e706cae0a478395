import { describe, expect, it } from 'vitest';
import { createBackgroundTasks } from './background-tasks.js';

describe('background tasks', () => {
  it('runs a task after the caller has returned, and reports its failure instead of throwing', async () => {
    const failures: string[] = [];
    const tasks = createBackgroundTasks({ onError: (name, error) => failures.push(`${name}: ${String(error)}`) });
    const order: string[] = [];
    tasks.run('a', async () => {
      order.push('task');
      throw new Error('boom');
    });
    order.push('caller');
    expect(tasks.size()).toBe(1);
    await tasks.stop();
    expect(order).toEqual(['caller', 'task']);
    expect(failures).toEqual(['a: Error: boom']);
    expect(tasks.size()).toBe(0);
  });

  it('aborts the running tasks on stop and waits for them to record it', async () => {
    const tasks = createBackgroundTasks();
    const seen: string[] = [];
    tasks.run('long', async (signal) => {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen.push('recorded');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await tasks.stop();
    expect(seen).toEqual(['recorded']);
    // Started after stop: already aborted.
    let aborted: boolean | undefined;
    tasks.run('late', async (signal) => {
      aborted = signal.aborted;
    });
    await tasks.stop();
    expect(aborted).toBe(true);
  });
});
