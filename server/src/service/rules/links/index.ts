import type { Rule } from '../types';
import duplicate from './duplicate';
import malformed from './malformed';
import prefix from './prefix';
import projectTooling from './project-tooling';
import repoOrCrate from './repo-or-crate';
import scheme from './scheme';
import simplify from './simplify';
import tracking from './tracking';
import truncatedTitle from './truncated-title';

/** The links/* rules: community links checked as TWiR's CI checks them, and link syntax. */
export const LINKS_RULES: readonly Rule[] = [duplicate, tracking, scheme, simplify, malformed, truncatedTitle, repoOrCrate, prefix, projectTooling];
