import { availableParallelism, loadavg } from 'node:os';
import { Script } from 'node:vm';

const MAX_TIMEOUT_MS = 2 ** 32 - 1;
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
    // Node takes a whole number of milliseconds that fits in 32 bits.
    return { value: RUN_TASK.runInThisContext({ timeout: Math.min(MAX_TIMEOUT_MS, Math.max(1, Math.ceil(milliseconds))) }) as T };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return undefined;
    throw error;
  } finally {
    delete global[TASK];
  }
}

/**
 * Runs `task` within a budget of `milliseconds` of CPU time, as far as a wall-clock limit can tell:
 * the limit starts at the budget, stretched by the load beyond the cores (at a load of 14–17 on 2
 * cores, real issues of a run over the checkout passed 4 s), and when the task is stopped having had less CPU than
 * its budget (the load rose meanwhile: the process was starved, not the task slow) it runs again
 * with twice the time. So a file fails for what it is, not for what runs beside it. Undefined when
 * the task used up its budget.
 */
export function withinBudget<T>(milliseconds: number, task: () => T): { value: T } | undefined {
  for (let limit = milliseconds * Math.max(1, loadavg()[0] / availableParallelism()); ; limit *= 2) {
    const before = process.cpuUsage();
    const done = withDeadline(limit, task);
    if (done) return done;
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 >= milliseconds) return undefined;
  }
}
