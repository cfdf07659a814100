import { Script } from 'node:vm';

const TASK = Symbol.for('twir-lint: the task under a deadline');
/** Calls the task through a script, as the script's timeout stops only what runs inside it. */
const RUN_TASK = new Script(`globalThis[Symbol.for(${JSON.stringify(TASK.description)})]()`);

/**
 * Runs `task` on this thread with a time limit: past `milliseconds` V8 terminates it wherever it
 * is (in the parser's loop as anywhere: a termination cannot be caught), as the server terminates
 * its analysis worker, and this thread goes on with the next file without starting a new one.
 * Undefined when the task was stopped.
 */
export function withDeadline<T>(milliseconds: number, task: () => T): { value: T } | undefined {
  const global = globalThis as unknown as Record<symbol, (() => T) | undefined>;
  global[TASK] = task;
  try {
    return { value: RUN_TASK.runInThisContext({ timeout: milliseconds }) as T };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return undefined;
    throw error;
  } finally {
    delete global[TASK];
  }
}
