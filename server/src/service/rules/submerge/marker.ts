import type { Root, RootContent } from 'mdast';
import { parseMarkdown } from '../../model/parse';
import type { IssueModel, SubmergeMarker } from '../../model/types';
import { ownCopy } from '../../util/text';
import type { Finding, Rule } from '../types';

/** What `submerge merge` says when it stops, quoted as it words it. */
const fails = (what: string) => `\`submerge merge\` would stop: "${what}".`;

const rule: Rule = {
  id: 'submerge/marker',
  fixable: false,
  certainty: 'defect',
  docs:
    'The markers `submerge fetch` (TWiR\'s `tools/submerge`) writes at the end of the first line of each list item it ' +
    'adds: `<!-- url=… submerge-pr=N sha=<40 hex> author=… title=… -->`. Reports what `submerge merge` would stop on, ' +
    'with its own words: a marker outside a list item, outside the `###` sections of `## Updates from Rust Community`, ' +
    'two markers on one item, the same PR twice, a marker that no longer matches its pattern (edited by hand), an item ' +
    'that is no longer a single list item. A marker on a nested item is a warning: `submerge merge` skips it without ' +
    'a word, so its PR stays open and the marker stays in the text. A marker in a published issue (`content/`) is an ' +
    'error: `submerge merge` removes the markers before it commits.',
  example: {
    in: 'community',
    wrong: '* [A post](https://example.com/a)\n\n<!-- url=https://github.com/rust-lang/this-week-in-rust/pull/7001 submerge-pr=7001 sha=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa author=someone title=Add a post -->',
    right: '* [A post](https://example.com/a) <!-- url=https://github.com/rust-lang/this-week-in-rust/pull/7001 submerge-pr=7001 sha=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa author=someone title=Add a post -->',
  },
  check({ model }) {
    if (model.folder === 'content') {
      return model.markers.map((marker) => ({
        range: marker.range,
        message: 'A submerge marker in a published issue: `submerge merge` removes the markers before it commits, so this one was left by mistake.',
      }));
    }
    const findings: Finding[] = [];
    const byItem = new Map<string, SubmergeMarker[]>();
    for (const marker of model.markers) {
      if (marker.depth === 0) findings.push({ range: marker.range, message: fails('submerge marker appears outside a list item') });
      else if (marker.depth > 1) findings.push({ range: marker.range, certainty: 'convention', message: nestedMessage(marker) });
      else {
        const key = `${marker.item!.start.line}:${marker.item!.start.character}`;
        byItem.set(key, [...(byItem.get(key) ?? []), marker]);
      }
    }
    // `submerge merge` checks each item in this order and stops at the first problem.
    const seen = new Map<number, SubmergeMarker>();
    for (const markers of byItem.values()) {
      const [marker] = markers;
      if (markers.length > 1) {
        for (const extra of markers.slice(1)) findings.push({ range: extra.range, message: fails(`list item contains ${markers.length} submerge markers`) });
      } else if (marker.section === undefined) {
        findings.push({ range: marker.range, message: `${fails('submerge marker appears outside a community section')} Move the item under a \`###\` heading of Updates from Rust Community.` });
      } else if (!marker.pr) {
        findings.push({ range: marker.range, message: `${fails('malformed submerge marker')} ${malformation(marker.text)}` });
      } else if (seen.has(marker.pr.number)) {
        findings.push({ range: marker.range, message: `${fails(`duplicate marker for PR #${marker.pr.number}`)} The first is on line ${seen.get(marker.pr.number)!.line + 1}.` });
      } else {
        seen.set(marker.pr.number, marker);
        if (!isSingleListItem(itemWithoutMarker(model, marker))) {
          findings.push({ range: marker.range, message: fails(`PR #${marker.pr.number} marker is attached to an invalid list item`) });
        }
      }
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};

function nestedMessage(marker: SubmergeMarker): string {
  const pr = marker.pr ? `PR #${marker.pr.number}` : 'its PR';
  return `A marker on a nested item: \`submerge merge\` skips it without a word, so ${pr} stays open and the marker stays in the text. Put it at the end of the first line of a top-level item.`;
}

/** What `submerge merge` would read: `<!-- url=… submerge-pr=N sha=<40 hex> author=…( title=…)? -->`. */
const PARTS: [RegExp, string][] = [
  [/^<!-- url=\S+ /, 'it must start with `<!-- url=` and the PR\'s URL'],
  [/^<!-- url=\S+ submerge-pr=\d+ /, '`submerge-pr=` must follow the URL, with the PR number'],
  [/^<!-- url=\S+ submerge-pr=\d+ sha=[0-9a-fA-F]{40} /, '`sha=` must follow, with the 40 hex digits of the head commit'],
  [/^<!-- url=\S+ submerge-pr=\d+ sha=[0-9a-fA-F]{40} author=\S+(?: title=| -->$)/, '`author=` must follow, then ` title=` or the end of the comment'],
];

function malformation(text: string): string {
  const trimmed = text.trim();
  const broken = PARTS.find(([pattern]) => !pattern.test(trimmed));
  return `It reads \`url=… submerge-pr=N sha=<40 hex> author=… title=…\` as \`submerge fetch\` wrote it: ${broken ? broken[1] : 'it must end with ` -->`'}.`;
}

/** The item's text without the marker, as `submerge merge` rebuilds it before it checks it. */
function itemWithoutMarker(model: IssueModel, marker: SubmergeMarker): string {
  const itemStart = model.lines.offsetAt(marker.item!.start);
  const item = model.text.slice(itemStart, model.lines.offsetAt(marker.item!.end)).trimEnd();
  const start = model.lines.offsetAt(marker.range.start) - itemStart;
  const end = model.lines.offsetAt(marker.range.end) - itemStart;
  return (item.slice(0, start).trimEnd() + item.slice(end)).trimEnd();
}

/** Items are short and few: their verdicts are kept by text. */
const singleItemVerdicts = new Map<string, boolean>();

/** Whether Markdown reads the text as exactly one list item (nested items aside), as `md::is_single_list_item`. */
function isSingleListItem(text: string): boolean {
  let verdict = singleItemVerdicts.get(text);
  if (verdict === undefined) {
    verdict = topLevelItems(parseMarkdown(text)) === 1;
    if (singleItemVerdicts.size > 1_000) singleItemVerdicts.clear();
    singleItemVerdicts.set(ownCopy(text), verdict);
  }
  return verdict;
}

function topLevelItems(node: Root | RootContent): number {
  if (node.type === 'listItem') return 1;
  return 'children' in node ? (node.children as RootContent[]).reduce((sum, child) => sum + topLevelItems(child), 0) : 0;
}

export default rule;
