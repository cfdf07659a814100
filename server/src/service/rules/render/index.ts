import type { Rule } from '../types';
import bullet from './bullet';

/** The render/* rules: what the site (Python-Markdown) renders differently from a CommonMark preview. */
export const RENDER_RULES: readonly Rule[] = [bullet];
