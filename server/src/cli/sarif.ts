/**
 * `--format sarif`: one SARIF 2.1.0 log (OASIS), as GitHub code scanning reads it: the rules with
 * their documentation as help (no URI: the docs travel with the log), one result per finding,
 * positions in UTF-16 code units as the editor's.
 */
import { version } from '../../../package.json';
import { RULES } from '../service/rules/index';
import { ruleDoc, ruleSeverity } from '../service/rules/docs';
import type { Rule, Severity } from '../service/rules/types';
import type { Formatter } from './formats';
import { FATAL_RULE, type FileReport } from './lint-file';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The pseudo-rule of files that could not be linted, described as the rules are. */
const FATAL_DESCRIPTOR = {
  id: FATAL_RULE,
  shortDescription: { text: 'The file could not be linted (or fixed) fully.' },
  fullDescription: { text: 'The file is missing, binary, not UTF-8, not a regular file, past the analysis budget, or a rule crashed on it: its other findings may be missing.' },
  defaultConfiguration: { level: 'error' },
};

function descriptor(rule: Rule) {
  const firstSentence = /^.*?[.:](?=\s|$)/.exec(rule.docs)?.[0] ?? rule.docs;
  return {
    id: rule.id,
    shortDescription: { text: firstSentence },
    fullDescription: { text: rule.docs },
    help: { text: ruleDoc(rule), markdown: ruleDoc(rule) },
    defaultConfiguration: { enabled: !rule.offByDefault, level: LEVEL[ruleSeverity(rule)] },
  };
}

/** A file's path as a URI relative to the working folder (`%SRCROOT%`): forward slashes, escaped. */
function relativeUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** Collects every file's findings and prints the log at the end (SARIF is one JSON document). */
export function sarifFormatter(): Formatter {
  const reports: FileReport[] = [];
  return {
    file(report) {
      reports.push(report);
      return '';
    },
    end() {
      const rules = [...RULES.map(descriptor), FATAL_DESCRIPTOR];
      const index = new Map(rules.map((rule, position) => [rule.id, position]));
      const results = reports.flatMap((report) =>
        report.diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.rule,
          ruleIndex: index.get(diagnostic.rule),
          level: LEVEL[diagnostic.severity],
          message: { text: diagnostic.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(report.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn },
              },
            },
          ],
        })),
      );
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'twir-lint', version, semanticVersion: version, rules } },
            columnKind: 'utf16CodeUnits',
            invocations: [{ executionSuccessful: !reports.some((report) => report.fatal) }],
            results,
          },
        ],
      };
      return `${JSON.stringify(log, null, 2)}\n`;
    },
  };
}
