// Releases what a run acquired (child servers, temp directories, databases), also when it is interrupted.

type Task = () => Promise<void>;

export interface Cleanup {
  /** Tasks run last-added first: servers stop before the database they use is dropped. */
  add: (task: Task) => void;
  /** Runs the tasks once; a second call (a signal during the normal ending) waits for the same run. */
  run: () => Promise<void>;
}

export function createCleanup(log: (line: string) => void): Cleanup {
  const tasks: Task[] = [];
  let running: Promise<void> | undefined;
  const runTasks = async () => {
    for (let task = tasks.pop(); task; task = tasks.pop()) {
      try {
        await task();
      } catch (error) {
        log(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  const run = () => {
    running ??= runTasks();
    return running;
  };
  // Every signal is caught, not only the first: a wrapper (npm, tsx) may pass a Ctrl-C on a second
  // time, and falling through to the default would leave a server running and a database behind.
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      if (running !== undefined) return;
      log(`${signal}: stopping the servers`);
      void run().finally(() => process.exit(code));
    });
  }
  return { add: (task) => tasks.push(task), run };
}
