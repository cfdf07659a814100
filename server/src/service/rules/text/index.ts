import type { Rule } from '../types';
import mergeConflict from './merge-conflict';
import mojibake from './mojibake';
import trailingSpace from './trailing-space';

/** The text/* rules. */
export const TEXT_RULES: readonly Rule[] = [mergeConflict, mojibake, trailingSpace];
