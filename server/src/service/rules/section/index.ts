import type { Rule } from '../types';

/** The section/* rules. */
export const SECTION_RULES: readonly Rule[] = [];
