import type { LintDiagnostic } from '../lint';
import type { IssueModel } from '../model/types';
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

export interface Readiness {
  ready: boolean;
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
  return { ready, placeholders, emptySections, problems, markdown: report(model, uri, { ready, placeholders, emptySections, problems }) };
}

function report(model: IssueModel, uri: string, result: Omit<Readiness, 'markdown'>): string {
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
