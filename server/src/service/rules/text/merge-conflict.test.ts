import { describe, expect, it } from 'vitest';
import { lint } from '../../lint';
import { buildModel } from '../../model/build';
import { communityIssue, eventsIssue, issue, testRule } from '../testing';
import rule from './merge-conflict';

const LINKS_CONFLICT = communityIssue(
  ['<<<<<<< HEAD', '- [Ours](https://example.com/ours)', '=======', '- [Theirs](https://example.com/theirs)', '- [Ours](https://example.com/ours)', '>>>>>>> contributor/links'].join('\n'),
);

testRule(rule, {
  valid: [communityIssue('* [A link](https://example.com/a)'), issue('## Jobs\n\nPlease see the thread: ====== is no marker, nor is <<<<<<<< at the end.\n')],
  invalid: [
    { name: 'a conflict, reported once from its first marker to its last', code: LINKS_CONFLICT, errors: [{ line: 9, message: /^Merge conflict \(lines 9–14\): keep what each side should keep and remove the markers/ }] },
    {
      name: 'diff3 markers and markers of another size',
      code: eventsIssue(['<<<<<<<<< ours', '||||||||| base', '=========', '* 2026-01-20 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris)', '    * [**Meetup**](https://www.meetup.com/rust-paris/events/1/)', '>>>>>>>>> theirs'].join('\n')),
      errors: [{ line: 10, message: /^Merge conflict \(lines 10–15\)/ }],
    },
    { name: 'a marker left without its conflict', code: communityIssue('* [A link](https://example.com/a)\n=======\n* [B](https://example.com/b)'), errors: [{ line: 10, message: /^A conflict marker outside any complete conflict/ }] },
  ],
});

describe('the other rules on a file with conflict markers', () => {
  it('say nothing inside a conflict, where both sides stand together, and fix nothing there', () => {
    const diagnostics = lint(buildModel(LINKS_CONFLICT)).diagnostics;
    // Outside a conflict the same lines get render/bullet (the `-` bullets) and links/duplicate (the link on both sides).
    expect(diagnostics.map((diagnostic) => `${diagnostic.rule}@${diagnostic.range.start.line + 1}`)).toEqual(['text/merge-conflict@9']);
    const unresolved = lint(buildModel(LINKS_CONFLICT.replace(/^(<<<<<<<|=======|>>>>>>>).*\n/gm, ''))).diagnostics;
    expect(unresolved.map((diagnostic) => diagnostic.rule)).toEqual(expect.arrayContaining(['render/bullet', 'links/duplicate']));
  });

  it('a marker that reads as a setext heading underline is not a second title', () => {
    const code = issue('## Crate of the Week\n\n<<<<<<< ours\nThis week\'s crate is foo.\n=======\nThis week\'s crate is bar.\n>>>>>>> theirs\n');
    expect(lint(buildModel(code)).diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['text/merge-conflict']);
  });
});
