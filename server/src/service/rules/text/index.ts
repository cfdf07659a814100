import type { Rule } from '../types';
import trailingSpace from './trailing-space';

/** The text/* rules. */
export const TEXT_RULES: readonly Rule[] = [trailingSpace];
