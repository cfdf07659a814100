import type { LintDiagnostic } from '../lint';
import type { IssueModel, SubmergePullRequest } from '../model/types';
import { sectionAt, sectionPath } from '../providers/locate';

/**
 * "Check publish readiness": what is left to do before the issue can go out — the placeholders
 * (placeholder/* rules), the sections still empty (section/empty) and the other errors and
 * warnings, grouped by section — as a Markdown report whose items link to their lines.
 */
export interface ReadinessItem {
  line: number;
  text: string;
}

/** A pull request `submerge merge` will merge: a marked item it takes (see model/submerge.ts). */
export interface ReadinessPullRequest extends SubmergePullRequest {
  /** The line of its marker (the first line of its item). */
  line: number;
  /** The community category it is filed under. */
  section: string;
}

export interface Readiness {
  ready: boolean;
  /**
   * The PRs of the draft's submerge markers that `submerge merge` will merge, in document order —
   * once `markerProblems` holds no error (with one, `submerge merge` stops and merges none).
   */
  pullRequests: ReadinessPullRequest[];
  /** What `submerge merge` would stop on (errors) or skip (warnings): the submerge/* findings. */
  markerProblems: (ReadinessItem & { severity: 'error' | 'warning'; rule: string })[];
  placeholders: ReadinessItem[];
  emptySections: ReadinessItem[];
  /** Errors and warnings by section path, in document order. */
  problems: { section: string; items: (ReadinessItem & { severity: 'error' | 'warning' })[] }[];
  markdown: string;
}

const EMPTY_SECTION_RULE = 'section/empty';

export function publishReadiness(model: IssueModel, diagnostics: readonly LintDiagnostic[], uri: string): Readiness {
  const item = (diagnostic: LintDiagnostic): ReadinessItem => ({ line: diagnostic.range.start.line, text: diagnostic.message });
  const placeholders = diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('placeholder/')).map(item);
  const emptySections = diagnostics
    .filter((diagnostic) => diagnostic.rule === EMPTY_SECTION_RULE)
    .map((diagnostic) => {
      const section = sectionAt(model, diagnostic.range.start.line);
      return { line: diagnostic.range.start.line, text: section ? sectionPath(section) : diagnostic.message };
    });
  const others = diagnostics.filter((diagnostic) => !diagnostic.rule.startsWith('placeholder/') && diagnostic.rule !== EMPTY_SECTION_RULE);

  const bySection = new Map<string, Readiness['problems'][number]>();
  for (const diagnostic of others) {
    if (diagnostic.severity !== 'error' && diagnostic.severity !== 'warning') continue;
    const section = sectionAt(model, diagnostic.range.start.line);
    const name = section ? sectionPath(section) : 'Header';
    const group = bySection.get(name) ?? { section: name, items: [] };
    group.items.push({ line: diagnostic.range.start.line, text: `${diagnostic.message} (${diagnostic.rule})`, severity: diagnostic.severity });
    bySection.set(name, group);
  }
  const problems = [...bySection.values()];
  const errors = problems.reduce((sum, group) => sum + group.items.filter((item) => item.severity === 'error').length, 0);
  const ready = placeholders.length === 0 && errors === 0;
  const { pullRequests, markerProblems } = submergeReadiness(model, diagnostics);
  return { ready, pullRequests, markerProblems, placeholders, emptySections, problems, markdown: report(model, uri, { ready, placeholders, emptySections, problems }) };
}

const SUBMERGE_MARKER_RULE = 'submerge/marker';

/** The PRs `submerge merge` takes (markers on an item of their own that submerge/marker does not report) and the marker problems. */
function submergeReadiness(model: IssueModel, diagnostics: readonly LintDiagnostic[]): Pick<Readiness, 'pullRequests' | 'markerProblems'> {
  const submerge = diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('submerge/') && (diagnostic.severity === 'error' || diagnostic.severity === 'warning'));
  const at = (position: { line: number; character: number }) => `${position.line}:${position.character}`;
  const reported = new Set(submerge.filter((diagnostic) => diagnostic.rule === SUBMERGE_MARKER_RULE).map((diagnostic) => at(diagnostic.range.start)));
  // An item with two markers is reported on the second: submerge takes neither.
  const ownMarkers = model.markers.filter((marker) => marker.depth === 1);
  const shared = (item: { line: number; character: number }) => ownMarkers.filter((marker) => at(marker.item!.start) === at(item)).length > 1;
  const pullRequests = model.markers.flatMap((marker) =>
    marker.pr && marker.section !== undefined && marker.depth === 1 && model.folder !== 'content' && !reported.has(at(marker.range.start)) && !shared(marker.item!.start)
      ? [{ ...marker.pr, line: marker.line, section: marker.section }]
      : [],
  );
  const markerProblems = submerge.map((diagnostic) => ({ line: diagnostic.range.start.line, text: diagnostic.message, severity: diagnostic.severity as 'error' | 'warning', rule: diagnostic.rule }));
  return { pullRequests, markerProblems };
}

function report(model: IssueModel, uri: string, result: Omit<Readiness, 'markdown' | 'pullRequests' | 'markerProblems'>): string {
  const link = (line: number) => `[line ${line + 1}](${uri}#L${line + 1})`;
  const title = model.header?.issueNumber !== undefined ? `This Week in Rust ${model.header.issueNumber}` : (model.fileName ?? 'This issue');
  const errors = result.problems.flatMap((group) => group.items).filter((item) => item.severity === 'error').length;
  const warnings = result.problems.flatMap((group) => group.items).length - errors;
  const out = [
    `# Publish readiness: ${title}`,
    '',
    result.ready
      ? '**Ready to publish**: no placeholder and no error left.'
      : `**Not ready**: ${result.placeholders.length} placeholder(s), ${errors} error(s).`,
    `${result.emptySections.length} empty section(s), ${warnings} warning(s).`,
  ];
  const list = (heading: string, items: readonly ReadinessItem[]) => {
    if (items.length === 0) return;
    out.push('', `## ${heading}`, '', ...items.map((item) => `* ${link(item.line)}: ${escapeMarkdown(item.text)}`));
  };
  list('Placeholders left', result.placeholders);
  list('Empty sections', result.emptySections);
  if (result.problems.length > 0) {
    out.push('', '## Problems by section');
    for (const group of result.problems) {
      out.push('', `### ${escapeMarkdown(group.section)}`, '', ...group.items.map((item) => `* ${item.severity === 'error' ? '**error**' : 'warning'} ${link(item.line)}: ${escapeMarkdown(item.text)}`));
    }
  }
  return `${out.join('\n')}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
