import type { LintDiagnostic } from '../lint';
import type { IssueModel, Section, SubmergePullRequest } from '../model/types';
import { crateOfTheWeek, entryAt, quoteOfTheWeek, sectionAt, sectionPath } from '../providers/locate';
import { momentOf, severityOf } from '../severity';

/**
 * Publish readiness: what stands between the draft and publication — the placeholders left
 * (placeholder/* rules), the crate of the week and the quote still missing, the sections still
 * empty (section/empty, and every other section publishing would show empty), the events outside
 * the window (events/out-of-window), and the other errors and warnings by section. It is the
 * publishing check: each item has the severity it has at publishing (severity.ts), while its
 * summary counts the diagnostics as Problems shows them. An editor shows it as it likes (VS Code: a
 * tree view and a status bar item) and keeps it live by asking again when the diagnostics change.
 *
 * It is a flat list of typed items, each a click away from its line: a view renders them
 * generically (under `group`, then by `severity`), so a new kind of item needs no client change.
 */
export interface ReadinessItem {
  kind: 'placeholder' | 'missing' | 'empty-section' | 'out-of-window' | 'marker-problem' | 'pull-request' | 'problem';
  /** The headings the item is listed under, outermost first: `['Errors and warnings', 'Quote of the Week']`. */
  group: string[];
  /** The line (0-based) the item is about. */
  line: number;
  label: string;
  /** What further identifies it: its rule, or its section. */
  detail?: string;
  /** At publishing: `error` blocks it; `warning`: to look at; `info`: to know (a PR submerge will merge, the r/rust link to add once out). */
  severity: 'error' | 'warning' | 'info';
}

/** A pull request `submerge merge` will merge: a marked item it takes (see model/submerge.ts). */
export interface ReadinessPullRequest extends SubmergePullRequest {
  /** The line of its marker (the first line of its item). */
  line: number;
  /** The community category it is filed under. */
  section: string;
}

export interface Readiness {
  /** `TWiR 634`, or the file name when the header has no number. */
  title: string;
  /** No error left at publishing (placeholders, missing crate or quote, empty sections, out-of-window events, errors). */
  ready: boolean;
  /** One line for a status bar, counting as Problems does: `TWiR 634 · 1 error · 2 warnings · 27 infos`. */
  summary: string;
  /** In the order a view lists them: by group, each group in document order. */
  items: ReadinessItem[];
  /**
   * The PRs of the draft's submerge markers that `submerge merge` will merge, in document order —
   * once no marker problem is an error (with one, `submerge merge` stops and merges none).
   */
  pullRequests: ReadinessPullRequest[];
}

const EMPTY_SECTION_RULE = 'section/empty';
const OUT_OF_WINDOW_RULE = 'events/out-of-window';

const GROUPS = {
  placeholder: 'Placeholders left',
  missing: 'Still missing',
  'empty-section': 'Empty sections',
  'out-of-window': 'Events outside the window',
  'marker-problem': 'Submerge markers',
  problem: 'Errors and warnings',
  'pull-request': 'Pull requests submerge merge takes',
} satisfies Record<ReadinessItem['kind'], string>;

export function publishReadiness(model: IssueModel, diagnostics: readonly LintDiagnostic[]): Readiness {
  const sectionName = (line: number) => {
    const section = sectionAt(model, line);
    return section ? sectionPath(section) : 'Header';
  };
  const moment = momentOf(model, true);
  // A publishing task's severity at publishing; any other diagnostic keeps its own.
  const atPublishing = (diagnostic: LintDiagnostic) =>
    diagnostic.certainty === 'task' ? severityOf({ certainty: 'task', afterPublication: diagnostic.afterPublication, publishingOnly: diagnostic.publishingOnly }, { moment }) : diagnostic.severity;
  const items: ReadinessItem[] = [];
  for (const diagnostic of diagnostics) {
    const line = diagnostic.range.start.line;
    const severity = atPublishing(diagnostic);
    if (severity === 'hint') continue;
    if (diagnostic.rule.startsWith('placeholder/')) {
      items.push({ kind: 'placeholder', group: [GROUPS.placeholder], line, label: diagnostic.message, detail: sectionName(line), severity });
    } else if (diagnostic.rule === EMPTY_SECTION_RULE) {
      items.push({ kind: 'empty-section', group: [GROUPS['empty-section']], line, label: sectionName(line), detail: 'no entries, no "none this week" sentence', severity });
    } else if (diagnostic.rule.startsWith('submerge/') && (severity === 'error' || severity === 'warning')) {
      items.push({ kind: 'marker-problem', group: [GROUPS['marker-problem']], line, label: diagnostic.message, detail: diagnostic.rule, severity });
    } else if (diagnostic.rule === OUT_OF_WINDOW_RULE) {
      items.push({ kind: 'out-of-window', group: [GROUPS['out-of-window']], line, label: eventLabel(model, line), detail: sectionName(line), severity });
    } else if (severity === 'error' || severity === 'warning') {
      items.push({ kind: 'problem', group: [GROUPS.problem, sectionName(line)], line, label: diagnostic.message, detail: diagnostic.rule, severity });
    }
  }
  const task = severityOf({ certainty: 'task' }, { moment }) as ReadinessItem['severity'];
  items.push(...missing(model, task), ...shownEmpty(model, task));
  const pullRequests = pullRequestsTaken(model, diagnostics);
  items.push(...pullRequests.map((pr): ReadinessItem => ({ kind: 'pull-request', group: [GROUPS['pull-request']], line: pr.line, label: `#${pr.number} ${pr.title ?? ''}`.trim(), detail: `${pr.author} · ${pr.section}`, severity: 'info' })));
  const order = Object.values(GROUPS);
  // Stable: within a group, the diagnostics' document order.
  items.sort((a, b) => order.indexOf(a.group[0]) - order.indexOf(b.group[0]) || (a.kind === 'problem' && b.kind === 'problem' ? 0 : a.line - b.line));

  const title = model.header?.issueNumber !== undefined ? `TWiR ${model.header.issueNumber}` : (model.fileName ?? 'TWiR issue');
  const shown = (severity: LintDiagnostic['severity']) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const counts = [plural(shown('error'), 'error'), plural(shown('warning'), 'warning'), plural(shown('info'), 'info')].filter((count) => count !== undefined);
  const ready = !items.some((item) => item.severity === 'error');
  return { title, ready, summary: [title, ...(counts.length > 0 ? counts : []), ...(ready ? ['ready to publish'] : [])].join(' · '), items, pullRequests };
}

const SUBMERGE_MARKER_RULE = 'submerge/marker';

/** The PRs `submerge merge` takes: markers on an item of their own, in a draft, that submerge/marker does not report. */
function pullRequestsTaken(model: IssueModel, diagnostics: readonly LintDiagnostic[]): ReadinessPullRequest[] {
  const at = (position: { line: number; character: number }) => `${position.line}:${position.character}`;
  const reported = new Set(diagnostics.filter((diagnostic) => diagnostic.rule === SUBMERGE_MARKER_RULE).map((diagnostic) => at(diagnostic.range.start)));
  // An item with two markers is reported on the second: submerge takes neither.
  const ownMarkers = model.markers.filter((marker) => marker.depth === 1);
  const shared = (item: { line: number; character: number }) => ownMarkers.filter((marker) => at(marker.item!.start) === at(item)).length > 1;
  return model.markers.flatMap((marker) =>
    marker.pr && marker.section !== undefined && marker.depth === 1 && model.folder !== 'content' && !reported.has(at(marker.range.start)) && !shared(marker.item!.start)
      ? [{ ...marker.pr, line: marker.line, section: marker.section }]
      : [],
  );
}

/** The crate of the week and the quote, when their section is there and still holds none. */
function missing(model: IssueModel, severity: ReadinessItem['severity']): ReadinessItem[] {
  const item = (section: Section, label: string): ReadinessItem => ({ kind: 'missing', group: [GROUPS.missing], line: section.heading.line, label, detail: sectionPath(section), severity });
  return model.allSections.flatMap((section) => {
    if (section.kind === 'crate-of-the-week' && !crateOfTheWeek(model, section)) return [item(section, 'No crate of the week yet')];
    if (section.kind === 'quote' && !quoteOfTheWeek(model, section)) return [item(section, 'No quote of the week yet')];
    return [];
  });
}

/**
 * The sections that have no "none this week" sentence (section/empty's) and that publishing would
 * show empty, a heading over nothing: Updates from the Rust Project and its performance triage
 * before their text is in, and each community category nobody wrote for.
 */
const SHOWN_EMPTY: ReadonlySet<Section['kind']> = new Set(['project-updates', 'perf-triage', 'community-category']);

function shownEmpty(model: IssueModel, severity: ReadinessItem['severity']): ReadinessItem[] {
  return model.allSections.flatMap((section) => {
    if (!SHOWN_EMPTY.has(section.kind)) return [];
    for (let line = section.heading.line + 1; line < section.bodyEndLine; line++) {
      const kind = model.lineKinds[line];
      if (kind !== 'blank' && kind !== 'comment') return [];
    }
    return [{ kind: 'empty-section', group: [GROUPS['empty-section']], line: section.heading.line, label: sectionPath(section), detail: 'nothing under the heading', severity }];
  });
}

/** An event as a person finds it in the list: `2026-08-12 · Rust Berlin`. */
function eventLabel(model: IssueModel, line: number): string {
  const event = entryAt(model, line)?.event;
  return [event?.date?.text, event?.groups[0]?.text].filter(Boolean).join(' · ') || model.lines.lineText(line).trim();
}

function plural(count: number, noun: string): string | undefined {
  return count === 0 ? undefined : `${count} ${noun}${count === 1 ? '' : 's'}`;
}
