import type { Rule } from '../types';
import anyMarker from './any-marker';
import marker from './marker';

/** The submerge/* rules: the markers of TWiR's `tools/submerge` as `submerge merge` reads them. */
export const SUBMERGE_RULES: readonly Rule[] = [marker, anyMarker];
