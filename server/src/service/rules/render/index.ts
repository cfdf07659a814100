import type { Rule } from '../types';
import bullet from './bullet';
import h1 from './h1';
import listAfterParagraph from './list-after-paragraph';
import nestedIndent from './nested-indent';
import unclosedComment from './unclosed-comment';

/** The render/* rules: what the site (Python-Markdown) renders differently from a CommonMark preview. */
export const RENDER_RULES: readonly Rule[] = [bullet, nestedIndent, listAfterParagraph, unclosedComment, h1];
