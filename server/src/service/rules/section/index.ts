import type { Rule } from '../types';
import duplicateHeading from './duplicate-heading';
import empty from './empty';
import noneAndEntries from './none-and-entries';

/** The section/* rules. */
export const SECTION_RULES: readonly Rule[] = [empty, noneAndEntries, duplicateHeading];
