import { issue, testRule } from '../testing';
import rule from './project-format';

const projects = (lines: string) => issue(`## Call for Participation; projects and speakers\n\n### CFP - Projects\n\nAlways wanted to contribute?\n\n${lines}\n`);

testRule(rule, {
  valid: [
    projects('* [sysknife - Record a current Fedora Atomic validation run](https://github.com/lacs-project/sysknife/issues/217)'),
    projects('* [RustAPI - chore: issue templates, MSRV 1.85 (easy)](https://github.com/Tuntii/RustAPI/issues/261)'),
    projects('*No Calls for participation were submitted this week.*'),
    projects('* [Wild Almonds — Appimage fails to start](https://github.com/opeolluwa/almonds/issues/75)\n* [Wild Almonds – crash](https://example.com/1)\n* [wasmtime: flaky test](https://example.com/2)'),
  ],
  invalid: [
    {
      name: "GitHub page-copy leftovers (2023-04-26): the comment count after a non-breaking space, and non-breaking spaces (a hint)",
      code: projects('* [ockam - Refactor auto-reconnect replacer\u00a01](https://github.com/build-trust/ockam/issues/4789)\n* [ockam - Update docs for\u00a0`identity`\u00a0commands](https://github.com/build-trust/ockam/issues/4777)'),
      errors: [
        { line: 12, message: "The title ends with the issue's comment count, `1`, copied from its GitHub page: remove it.", severity: 'warning' },
        { line: 13, message: 'A non-breaking space copied from a GitHub page', severity: 'hint' },
        { line: 13, message: 'A non-breaking space copied from a GitHub page', severity: 'hint' },
      ],
      output: projects('* [ockam - Refactor auto-reconnect replacer](https://github.com/build-trust/ockam/issues/4789)\n* [ockam - Update docs for `identity` commands](https://github.com/build-trust/ockam/issues/4777)'),
    },
    {
      name: 'an empty item gets no space after its bullet (text/trailing-space would take it away again)',
      code: projects('* [sysknife - Record a run](https://example.com/217)\n*'),
      errors: [{ line: 13, message: 'Write the entry as' }],
    },
    {
      name: 'two spaces after the bullet',
      code: projects('*  [Cordial - Map the FLog channels](https://github.com/luohoa97/cordial/issues/13)'),
      errors: [{ line: 12, message: 'one space after the bullet' }],
      output: projects('* [Cordial - Map the FLog channels](https://github.com/luohoa97/cordial/issues/13)'),
    },
    {
      name: 'no project name, and text before the link',
      code: projects('* [Map the FLog channels](https://github.com/luohoa97/cordial/issues/13)\n* Cordial: [Map the FLog channels](https://github.com/luohoa97/cordial/issues/13)'),
      errors: [{ line: 12, message: 'Name the project first' }, { line: 13, message: 'Write the entry as' }],
    },
  ],
});
