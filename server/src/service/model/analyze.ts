import { buildModel, type AnalyzeOptions } from './build';
import type { IssueModel } from './types';

/**
 * The models of the open documents, one per version: every feature of one version reads the same
 * model, and a new version is built from the segment trees that did not change (see parse.ts).
 */
export class ModelCache {
  private readonly models = new Map<string, { version: number; model: IssueModel }>();

  get(uri: string, version: number, text: string, options: AnalyzeOptions = {}): IssueModel {
    const cached = this.models.get(uri);
    if (cached && cached.version === version && cached.model.text === text) return cached.model;
    const model = buildModel(text, { ...options, previous: cached?.model });
    this.models.set(uri, { version, model });
    return model;
  }

  delete(uri: string): void {
    this.models.delete(uri);
  }
}

