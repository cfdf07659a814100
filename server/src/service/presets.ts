import type { Severity } from './rules/types';

/**
 * Presets: rules' default severities as a repository's own checks judge them. A preset replaces
 * defaults only: a finding that carries its own severity (a softer case of its rule, such as the
 * http → https hint of links/simplify or a scheme outside the community sections) keeps it, and
 * the settings of `.twir-lint.json` still win.
 */
export const PRESETS = {
  /**
   * TWiR CI's verdicts (`tools/inspect_links.py`, `tools/inspect_markdown.py`): what its scripts
   * report as errors is an error, so that twir-lint fails at least where the CI fails; its
   * repository/crates.io and truncated-title warnings never fail a pull request, and stay warnings.
   */
  ci: {
    // inspect_links.py: "unexpected/malformed link scheme", "found tracking parameters",
    // "link can be simplified", "possible duplicate link" are errors.
    'links/scheme': 'error',
    'links/tracking': 'error',
    'links/simplify': 'error',
    'links/duplicate': 'error',
    // inspect_markdown.py: odd and empty backticks, unknown HTML tags and empty list items
    // (`* [](url)` is links/malformed's) are errors.
    'markdown/backticks': 'error',
    'markdown/html': 'error',
    'links/malformed': 'error',
    // Warnings of the CI, which never fail a pull request.
    'links/repo-or-crate': 'warning',
    'links/truncated-title': 'warning',
    // `submerge merge` removes its markers before it commits: a committed marker is a mistake.
    'submerge/any-marker': 'error',
  },
  /**
   * The issue checked for publishing (severity.ts): a draft's publishing tasks — events outside
   * the window, placeholders, empty sections — are errors, as they are in `content/`.
   */
  publish: {},
} satisfies Record<string, Readonly<Record<string, Severity>>>;

export type PresetName = keyof typeof PRESETS;

/** Whether the preset checks the issue for publishing (`momentOf`). */
export function checksPublishing(preset: PresetName | undefined): boolean {
  return preset === 'publish';
}
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
