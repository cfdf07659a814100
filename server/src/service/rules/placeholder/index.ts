import type { Rule } from '../types';

/** The placeholder/* rules. */
export const PLACEHOLDER_RULES: readonly Rule[] = [];
