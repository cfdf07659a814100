import type { Rule } from '../types';
import eventFormat from './event-format';
import projectFormat from './project-format';

/** The cfp/* rules. */
export const CFP_RULES: readonly Rule[] = [projectFormat, eventFormat];
