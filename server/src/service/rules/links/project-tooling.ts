import { normaliseTitle } from '../../model/sections';
import type { Finding, Rule } from '../types';
import { communityLinks } from './shared';

/** Where TWiR asks contributors to post a project instead. */
export const PROJECT_TOOLING_POLICY_URL = 'https://github.com/rust-lang/this-week-in-rust/issues/8575';

const rule: Rule = {
  id: 'links/project-tooling',
  fixable: false,
  certainty: 'defect',
  offByDefault: true,
  docs:
    'TWiR\'s contribution policy: it no longer takes contributed links in "Project/Tooling Updates" — the editors ' +
    'pick those from r/rust (TWiR issue 8575), so a contributor posts a project there (or suggests a crate as Crate ' +
    'of the Week) instead. The policy is for authors without write access to the repository, so the rule is off ' +
    'unless switched on: `twir-lint --deny-project-tooling-links` (or the action\'s `deny-project-tooling-links` ' +
    'input, set from the pull request author\'s permission). With `--since` it reports only the links the change adds.',
  peers: { twirCi: 'same policy as its `--deny-project-tooling-links`, which its workflow sets for authors without write access' },
  example: {
    wrong: '## Updates from Rust Community\n\n### Project/Tooling Updates\n* [My crate 1.0](https://example.com/my-crate)',
    right: '## Updates from Rust Community\n\n### Project/Tooling Updates',
  },
  check({ model }) {
    const findings: Finding[] = [];
    for (const { link, section } of communityLinks(model)) {
      if (normaliseTitle(section.heading.text) !== 'project tooling updates') continue;
      findings.push({
        range: link.range,
        message:
          'TWiR no longer takes contributed links in Project/Tooling Updates: the editors pick them from r/rust. ' +
          `Post your project on https://www.reddit.com/r/rust/ instead, or suggest a crate as Crate of the Week (${PROJECT_TOOLING_POLICY_URL}).`,
      });
    }
    return findings;
  },
};

export default rule;
