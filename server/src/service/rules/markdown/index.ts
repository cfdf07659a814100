import type { Rule } from '../types';
import backticks from './backticks';
import html from './html';

/** The markdown/* rules: what TWiR's CI checks in the Markdown. */
export const MARKDOWN_RULES: readonly Rule[] = [backticks, html];
