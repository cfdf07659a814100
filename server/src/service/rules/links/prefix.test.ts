import { communityIssue, issue, testRule } from '../testing';
import rule from './prefix';


testRule(rule, {
  valid: [
    communityIssue('* [video] [A talk](https://example.com/a)\n* [audio] [A podcast](https://example.com/b)\n* [series] [video] [Part 3](https://example.com/c)'),
    communityIssue('* [ZH] [audio] [一篇文章](https://example.com/a)\n* [DE] [Ein Artikel](https://example.com/b)'),
    {
      name: 'a playlist and a bilingual page, as published (2022-03-30, 2024-05-08, 2025-10-08)',
      code: communityIssue('* [videos] [RustConf 2025](https://www.youtube.com/playlist?list=PL1)\n* [playlist] [Talks](https://example.com/p)\n* [ZH | EN] [A bilingual post](https://example.com/z)\n* [ZH/EN] [Another](https://example.com/y)'),
    },
    { name: 'RFC prefixes are not community prefixes', code: issue('## Updates from the Rust Project\n\n### Final Comment Period\n\n* [disposition: merge] [An RFC](https://github.com/rust-lang/rfcs/pull/1)\n') },
    { name: 'a trailing bracket that is no prefix', code: communityIssue('* [A post](https://example.com/a) [1]') },
  ],
  invalid: [
    {
      name: 'wrong case',
      code: communityIssue('* [Video] [A talk](https://example.com/a)\n* [zh] [AUDIO] [一篇文章](https://example.com/b)'),
      errors: [{ line: 9, message: '`[video]`' }, { line: 10, message: '`[ZH]` (Chinese)' }, { line: 10, message: '`[audio]`' }],
      output: communityIssue('* [video] [A talk](https://example.com/a)\n* [ZH] [audio] [一篇文章](https://example.com/b)'),
    },
    {
      name: 'written in words, as older issues did',
      code: communityIssue('* [Chinese] [An article](https://example.com/a)\n* [podcast] [An episode](https://example.com/b)'),
      errors: [{ line: 9, message: '`[ZH]`' }, { line: 10, message: '`[audio]`' }],
      output: communityIssue('* [ZH] [An article](https://example.com/a)\n* [audio] [An episode](https://example.com/b)'),
    },
    {
      name: 'a country code where a language is meant',
      code: communityIssue('* [JP] [An article](https://example.com/a)'),
      errors: [{ line: 9, message: '`[JA]` (Japanese)' }],
      output: communityIssue('* [JA] [An article](https://example.com/a)'),
    },
    {
      name: 'after the link',
      code: communityIssue('* [A talk](https://example.com/a) [Video]\n* [ZH] [A talk](https://example.com/b) [video]'),
      errors: [{ line: 9, message: 'left of the link' }, { line: 10 }],
      output: communityIssue('* [video] [A talk](https://example.com/a)\n* [ZH] [video] [A talk](https://example.com/b)'),
    },
    {
      name: 'no space before the link',
      code: communityIssue('* [video][A talk](https://example.com/a)'),
      errors: [{ line: 9, message: 'space' }],
      output: communityIssue('* [video] [A talk](https://example.com/a)'),
    },
    {
      name: 'unknown',
      code: communityIssue('* [slides] [A talk](https://example.com/a)\n* [XX] [A post](https://example.com/b)'),
      errors: [{ line: 9, message: 'Unknown prefix `[slides]`' }, { line: 10, message: '`[XX]`' }],
    },
  ],
});
