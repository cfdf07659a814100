import type { Rule } from '../types';
import boilerplate from './boilerplate';
import link from './link';

/** The placeholder/* rules: template and generator text that must be gone before publishing. */
export const PLACEHOLDER_RULES: readonly Rule[] = [link, boilerplate];
