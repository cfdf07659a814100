/**
 * `node:path` in the web build: the paths there are URI paths (`/owner/repo/draft/…`), always
 * with `/`. Only what the service uses.
 */
export function join(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/').replace(/\/{2,}/g, '/');
}

export function dirname(path: string): string {
  const slash = path.replace(/\/+$/, '').lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : slash === 0 ? '/' : '.';
}

export function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? '';
}

export default { join, dirname, basename };
