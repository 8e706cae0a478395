/**
 * Work that outlives the request that started it and that only this process can do, because it
 * reads a file this process received (a historical-dossier import): started after the reply,
 * aborted when the server closes, and awaited then, so that every task records that it was
 * interrupted before the database closes. Jobs any instance may run go through pg-boss instead.
 */
export type BackgroundTasks = {
  /** Starts a task now; its failure is reported to `onError`, never thrown. */
  run: (name: string, task: (signal: AbortSignal) => Promise<void>) => void;
  /** Aborts every running task and waits until each has settled. Tasks started afterwards start aborted. */
  stop: () => Promise<void>;
  /** How many tasks are running. */
  size: () => number;
};

export const createBackgroundTasks = (
  options: { onError?: (name: string, error: unknown) => void } = {},
): BackgroundTasks => {
  const running = new Set<Promise<void>>();
  const controller = new AbortController();
  return {
    run: (name, task) => {
      const promise: Promise<void> = (async () => {
        // After the reply: the task never delays the answer that started it.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await task(controller.signal);
      })()
        .catch((error: unknown) => options.onError?.(name, error))
        .finally(() => {
          running.delete(promise);
        });
      running.add(promise);
    },
    stop: async () => {
      controller.abort();
      await Promise.allSettled([...running]);
    },
    size: () => running.size,
  };
};
