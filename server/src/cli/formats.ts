import stringWidth from 'string-width';
import type { Severity } from '../service/rules/types';
import type { FileReport } from './lint-file';
import type { Format } from './options';
import { sarifFormatter } from './sarif';

/** Counts over every file, for the summary line. */
export class Summary {
  files = 0;
  filesWithProblems = 0;
  fixedFiles = 0;
  fixable = 0;
  /** With `--since`: findings left out because the files had them at that revision. */
  leftOut = 0;
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };

  add(report: FileReport): void {
    this.files++;
    if (report.diagnostics.length > 0) this.filesWithProblems++;
    if (report.fixed) this.fixedFiles++;
    this.leftOut += report.leftOut ?? 0;
    for (const diagnostic of report.diagnostics) {
      this.bySeverity[diagnostic.severity]++;
      if (diagnostic.fixable) this.fixable++;
    }
  }

  get problems(): number {
    return Object.values(this.bySeverity).reduce((sum, count) => sum + count, 0);
  }
}

/** Prints reports one file at a time (so output streams), then the end of the output. */
export interface Formatter {
  file(report: FileReport, index: number): string;
  end(summary: Summary): string;
}

export interface TextLayout {
  colours: boolean;
  /** The width rows should fit in: messages longer than the room left are not padded to align. */
  columns: number;
}

/** What the run was asked, for the formats that say it. */
export interface RunContext {
  fixing: boolean;
  /** `--since REF`, as given. */
  since?: string;
}

export function formatter(format: Format, layout: TextLayout, run: RunContext): Formatter {
  switch (format) {
    case 'json':
      return jsonFormatter;
    case 'github':
      return githubFormatter(run);
    case 'sarif':
      return sarifFormatter();
    case 'text':
      return textFormatter(layout.colours ? ANSI : PLAIN, layout.columns, run);
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The sentence that says how many findings --since left out, if it left any out. */
export function leftOutSentence(summary: Summary, run: RunContext): string | undefined {
  if (run.since === undefined || summary.leftOut === 0) return undefined;
  return `${plural(summary.leftOut, 'older finding')} (already at ${run.since}) left out.`;
}

/** `[{"file","diagnostics":[…]}]`, one file per line so that it can be printed as files finish. */
const jsonFormatter: Formatter = {
  file: (report, index) => `${index === 0 ? '[\n' : ',\n'}${JSON.stringify({ file: report.file, diagnostics: report.diagnostics })}`,
  end: (summary) => (summary.files === 0 ? '[]\n' : '\n]\n'),
};

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands: annotations on the pull request's changed lines, then a summary line for the log. */
const githubFormatter = (run: RunContext): Formatter => ({
  file: (report) =>
    report.diagnostics
      .map((diagnostic) => {
        const properties = [
          ['file', visibleControls(report.file.replace(/\\/g, '/'), ALL_BUT_LINE_BREAKS)],
          ['line', diagnostic.line],
          ['col', diagnostic.column],
          ['endLine', diagnostic.endLine],
          ['endColumn', diagnostic.endColumn],
          ['title', diagnostic.rule],
        ]
          .map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`)
          .join(',');
        return `::${GITHUB_COMMAND[diagnostic.severity]} ${properties}::${escapeGithubData(visibleControls(diagnostic.message, ALL_BUT_LINE_BREAKS))}\n`;
      })
      .join(''),
  end: (summary) => {
    const scope = run.since === undefined ? '' : ` new since ${run.since}`;
    const found = summary.problems === 0 ? `no problems${scope}` : `${plural(summary.problems, 'problem')}${scope} (${countsBySeverity(summary)})`;
    const leftOut = leftOutSentence(summary, run);
    return `twir-lint: ${found} in ${plural(summary.files, 'file')}.${leftOut ? ` ${leftOut}` : ''}\n`;
  },
});

function countsBySeverity(summary: Summary): string {
  return (['error', 'warning', 'info', 'hint'] as const)
    .filter((severity) => summary.bySeverity[severity] > 0)
    .map((severity) => (severity === 'info' ? `${summary.bySeverity.info} info` : plural(summary.bySeverity[severity], severity)))
    .join(', ');
}

/**
 * Control characters (C0, DEL, C1) and bidirectional controls: a terminal or a log viewer acts on
 * them (escape sequences that move the cursor, recolour or retitle; text shown reordered), and
 * messages and file names carry them from documents and folders nobody vetted.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same but CR and LF, which the github format encodes as its runner expects (%0D, %0A). */
const ALL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each control character written as its `\uXXXX` escape, so that it is shown, never acted on. */
export function visibleControls(text: string, controls = CONTROLS): string {
  return text.replace(controls, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The escaping of GitHub's runner (toCommandValue/escapeData/escapeProperty in @actions/core).
export function escapeGithubData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeGithubProperty(value: string): string {
  return escapeGithubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const ANSI: Style = { bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), yellow: ansi(33, 39), blue: ansi(34, 39), green: ansi(32, 39) };
const PLAIN: Style = { bold: String, dim: String, red: String, yellow: String, blue: String, green: String };

/** Whether to colour the output: a terminal that can, unless NO_COLOR says no or FORCE_COLOR says yes. */
export function wantsColours(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && stream.hasColors();
}

/**
 * Like ESLint's "stylish", a block of aligned rows per file, then a summary; each row starts with
 * `path:line:col`, which terminals and editors open at the spot.
 */
function textFormatter(style: Style, columns: number, run: RunContext): Formatter {
  const severityStyle: Record<Severity, (text: string) => string> = { error: style.red, warning: style.yellow, info: style.blue, hint: style.dim };
  return {
    file(report) {
      if (report.diagnostics.length === 0) return '';
      const rows = report.diagnostics.map((diagnostic) => ({ ...diagnostic, message: visibleControls(diagnostic.message.replace(/\s*[\r\n]+\s*/g, ' ')) }));
      // Display widths, once per row (severities and rule ids are ASCII: their length is their width).
      const widest = (widths: number[]) => Math.max(0, ...widths);
      const file = visibleControls(report.file);
      const positions = rows.map((row) => `${file}:${row.line}:${row.column}`);
      const positionWidths = positions.map((position) => stringWidth(position));
      const messageWidths = rows.map((row) => stringWidth(row.message));
      const positionWidth = widest(positionWidths);
      const severityWidth = widest(rows.map((row) => row.severity.length));
      const room = columns - (positionWidth + 2 + severityWidth + 2 + 2 + widest(rows.map((row) => row.rule.length)));
      const messageWidth = widest(messageWidths.filter((width) => width <= room));
      const lines = rows.map((row, index) => {
        const position = positions[index] + ' '.repeat(positionWidth - positionWidths[index]);
        const severity = severityStyle[row.severity](row.severity.padEnd(severityWidth));
        const message = row.message + ' '.repeat(Math.max(0, messageWidth - messageWidths[index]));
        return `${position}  ${severity}  ${message}  ${style.dim(row.rule)}`;
      });
      return `${lines.join('\n')}\n\n`;
    },
    end(summary) {
      const lines: string[] = [];
      if (summary.fixedFiles > 0) lines.push(style.green(`✔ Fixed ${plural(summary.fixedFiles, 'file')}.`));
      if (summary.problems === 0) {
        lines.push(style.green(`✔ No ${run.since === undefined ? '' : 'new '}problems${run.fixing ? ' left' : ''} in ${plural(summary.files, 'file')}.`));
      } else {
        const counts = countsBySeverity(summary);
        const colour = summary.bySeverity.error > 0 ? style.red : summary.bySeverity.warning > 0 ? style.yellow : style.blue;
        lines.push(colour(style.bold(`✖ ${plural(summary.problems, run.since === undefined ? 'problem' : 'new problem')} (${counts}) in ${summary.filesWithProblems} of ${plural(summary.files, 'file')}`)));
        if (summary.fixable > 0) lines.push(`  ${summary.fixable} fixable with ${style.bold('--fix')}`);
      }
      const leftOut = leftOutSentence(summary, run);
      if (leftOut) lines.push(style.dim(`  ${leftOut}`));
      return `${lines.join('\n')}\n`;
    },
  };
}
