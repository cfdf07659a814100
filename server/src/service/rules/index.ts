import { CFP_RULES } from './cfp/index';
import { EVENTS_RULES } from './events/index';
import { HEADER_RULES } from './header/index';
import { LINKS_RULES } from './links/index';
import { MARKDOWN_RULES } from './markdown/index';
import { PLACEHOLDER_RULES } from './placeholder/index';
import { RENDER_RULES } from './render/index';
import { SECTION_RULES } from './section/index';
import { SUBMERGE_RULES } from './submerge/index';
import { TEXT_RULES } from './text/index';
import type { Rule } from './types';

/** Every rule. Each area lists its rules in its own index.ts; a rule is one file with its test beside it. */
export const RULES: readonly Rule[] = [
  ...HEADER_RULES,
  ...EVENTS_RULES,
  ...CFP_RULES,
  ...LINKS_RULES,
  ...PLACEHOLDER_RULES,
  ...SECTION_RULES,
  ...SUBMERGE_RULES,
  ...MARKDOWN_RULES,
  ...RENDER_RULES,
  ...TEXT_RULES,
];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
