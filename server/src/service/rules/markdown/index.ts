import type { Rule } from '../types';

/** The markdown/* rules. */
export const MARKDOWN_RULES: readonly Rule[] = [];
