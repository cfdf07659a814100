import type { Rule } from '../types';

/** The events/* rules. */
export const EVENTS_RULES: readonly Rule[] = [];
