import type { Rule } from '../types';
import duplicateHeading from './duplicate-heading';
import empty from './empty';

/** The section/* rules. */
export const SECTION_RULES: readonly Rule[] = [empty, duplicateHeading];
