import type { Rule } from '../types';

/** The header/* rules. */
export const HEADER_RULES: readonly Rule[] = [];
