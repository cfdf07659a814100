import type { Rule } from '../types';

/** The links/* rules. */
export const LINKS_RULES: readonly Rule[] = [];
