/**
 * The little of a browser's worker globals the web build uses (the project compiles without the
 * DOM's types).
 */
export interface WorkerScope {
  postMessage(message: unknown): void;
  /** `message` events carry `data`, `error` events a `message`. */
  addEventListener(type: 'message' | 'error', listener: (event: any) => void): void;
}

export interface WebWorker extends WorkerScope {
  terminate(): void;
}

declare const self: WorkerScope;
declare const Worker: (new (url: string) => WebWorker) | undefined;

export const scope = self;

/**
 * A worker running the script at `url`. VS Code's web extension host serves extensions from another
 * origin than the worker's, so the worker loads the script with `importScripts` (as VS Code itself
 * starts a web extension's server), which may cross origins.
 */
export function startWorker(url: string): WebWorker {
  if (!Worker) throw new Error('this browser cannot start a worker from a worker');
  return new Worker(URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' })));
}
