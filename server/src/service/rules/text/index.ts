import type { Rule } from '../types';
import mojibake from './mojibake';
import trailingSpace from './trailing-space';

/** The text/* rules. */
export const TEXT_RULES: readonly Rule[] = [mojibake, trailingSpace];
