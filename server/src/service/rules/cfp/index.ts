import type { Rule } from '../types';

/** The cfp/* rules. */
export const CFP_RULES: readonly Rule[] = [];
