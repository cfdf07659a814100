import type { IssueModel } from '../model/types';

/**
 * A view of the model that several rules read (visible lines, written URLs, community links),
 * computed once per model: a model is one document version and never changes.
 */
export function perModel<T>(compute: (model: IssueModel) => T): (model: IssueModel) => T {
  const cache = new WeakMap<IssueModel, T>();
  return (model) => {
    if (!cache.has(model)) cache.set(model, compute(model));
    return cache.get(model)!;
  };
}
