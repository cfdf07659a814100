import renderBullet from './render/bullet';
import textTrailingSpace from './text/trailing-space';
import type { Rule } from './types';

/** Every rule, in the order their diagnostics are produced. Add a rule here and in its own file. */
export const RULES: readonly Rule[] = [renderBullet, textTrailingSpace];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
