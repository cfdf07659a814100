import type { Rule } from '../types';

const rule: Rule = {
  id: 'submerge/any-marker',
  fixable: false,
  certainty: 'defect',
  offByDefault: true,
  docs:
    'Any submerge marker (`<!-- url=… submerge-pr=N … -->`), for CI: `submerge merge` removes the markers of the PRs it ' +
    'merges before it commits, so a marker in a commit is a leftover — a draft committed before `submerge merge`, or ' +
    'a marker it skipped (on a nested item). Off by default, since a draft holds markers while the editor works on it; ' +
    'switch it on where committed files are checked (`"submerge/any-marker": "error"`).',
  example: {
    in: 'community',
    wrong: '* [A post](https://example.com/a) <!-- url=https://github.com/rust-lang/this-week-in-rust/pull/7001 submerge-pr=7001 sha=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa author=someone title=Add a post -->',
    right: '* [A post](https://example.com/a)',
  },
  check({ model }) {
    return model.markers.map((marker) => ({
      range: marker.range,
      message: `A submerge marker${marker.pr ? ` (PR #${marker.pr.number})` : ''}: \`submerge merge\` removes the markers before it commits, so a committed one is a leftover.`,
    }));
  },
};

export default rule;
