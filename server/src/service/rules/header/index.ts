import type { Rule } from '../types';
import metadata from './metadata';

/** The header/* rules. */
export const HEADER_RULES: readonly Rule[] = [metadata];
