/**
 * Damaged copies of real issues: one early event broken in a way editors break events, for the tests
 * that the damage is reported and that the events after it are still read (damaged-events.test.ts,
 * test/oracle/events-lint.test.ts).
 */
import { buildModel } from '../../server/src/service/model/build';
import type { Entry } from '../../server/src/service/model/types';

export interface Damage {
  readonly name: string;
  /** The rule that must report it. */
  readonly rule: string;
  /**
   * The event's lines `from`…`to` (0-based, inclusive) replaced by `lines`, and the line the rule reports
   * (in the damaged text); undefined when the event does not lend itself (a group name without a space).
   */
  apply(overview: string, title: string, at: number): { from: number; to: number; lines: string[]; reportedAt: number } | undefined;
}

const GROUP = / \| \[([^\]]*)\]\(([^)]*)\)/;

export const DAMAGES: readonly Damage[] = [
  {
    name: 'written as a heading',
    rule: 'events/overview-format',
    apply: (overview, _, at) => ({ from: at, to: at, lines: [overview.replace(/^\* /, '# ')], reportedAt: at }),
  },
  {
    name: 'overview hard-wrapped inside the group name',
    rule: 'events/overview-format',
    apply(overview, _, at) {
      const group = GROUP.exec(overview);
      const space = group ? overview.indexOf(' ', group.index + 4) : -1;
      if (!group || space === -1 || space > group.index + 4 + group[1].length) return undefined;
      return { from: at, to: at, lines: [overview.slice(0, space), overview.slice(space + 1)], reportedAt: at };
    },
  },
  {
    name: 'overview hard-wrapped inside the URL',
    rule: 'events/overview-format',
    apply(overview, _, at) {
      const group = GROUP.exec(overview);
      if (!group) return undefined;
      const middle = group.index + 4 + group[1].length + 2 + Math.floor(group[2].length / 2);
      return { from: at, to: at, lines: [overview.slice(0, middle), overview.slice(middle)], reportedAt: at };
    },
  },
  {
    name: 'an unknown text line after it',
    rule: 'events/stray-line',
    apply: (overview, title, at) => ({ from: at, to: at + 1, lines: [overview, title, 'More events to be announced'], reportedAt: at + 2 }),
  },
  {
    name: 'a blank line between its overview and title',
    rule: 'events/blank-lines',
    apply: (overview, title, at) => ({ from: at, to: at + 1, lines: [overview, '', title], reportedAt: at + 1 }),
  },
  {
    name: 'its title line missing',
    rule: 'events/title-line',
    apply: (overview, _, at) => ({ from: at, to: at + 1, lines: [overview], reportedAt: at }),
  },
];

export interface DamagedCopy {
  readonly text: string;
  /** The damaged event in the original, and its region's index. */
  readonly event: Entry;
  readonly regionIndex: number;
  /** Lines `from`…`to` of the original were replaced; the lines after them moved by `shift`. */
  readonly from: number;
  readonly to: number;
  readonly shift: number;
  readonly reportedAt: number;
}

/** The first event of the first region that has events after it (a two-line event), damaged; undefined when none fits. */
export function damageEarlyEvent(text: string, fileName: string, damage: Damage): DamagedCopy | undefined {
  const model = buildModel(text, { fileName });
  const regions = model.events?.regions ?? [];
  for (const [regionIndex, region] of regions.entries()) {
    const event = region.events.find((entry, index) => entry.lines.length === 2 && entry.lines[0].bullet === '*' && index < region.events.length - 1);
    if (!event) continue;
    const lines = text.split('\n');
    const change = damage.apply(lines[event.line], lines[event.line + 1], event.line);
    if (!change) continue;
    lines.splice(change.from, change.to - change.from + 1, ...change.lines);
    const shift = change.lines.length - (change.to - change.from + 1);
    return { text: lines.join('\n'), event, regionIndex, from: change.from, to: change.to, shift, reportedAt: change.reportedAt };
  }
  return undefined;
}
