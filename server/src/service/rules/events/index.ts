import type { Rule } from '../types';
import blankLines from './blank-lines';
import duplicate from './duplicate';
import emptyRegion from './empty-region';
import location from './location';
import order from './order';
import outOfWindow from './out-of-window';
import overviewFormat from './overview-format';
import regionHeading from './region-heading';
import strayLine from './stray-line';
import titleLine from './title-line';
import windowHeader from './window-header';
import wrongRegion from './wrong-region';

/** The events/* rules: the Upcoming Events section. */
export const EVENTS_RULES: readonly Rule[] = [
  windowHeader,
  outOfWindow,
  order,
  wrongRegion,
  regionHeading,
  emptyRegion,
  blankLines,
  duplicate,
  overviewFormat,
  strayLine,
  location,
  titleLine,
];
