/** `twir-lint merge` as a process: the report and diff, --write, and the exit statuses. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { composeDraft, eventsListOf } from '../../server/src/service/commands/new-draft';
import { buildModel } from '../../server/src/service/model/build';
import { formatIsoDate, parseIsoDate } from '../../server/src/service/util/dates';
import { cliSandbox, runCli } from './cli-process';

const FIXTURES = resolve(__dirname, '../fixtures');
const DRAFT = '2026-08-19-this-week-in-rust.md';

const sandbox = cliSandbox('twir-lint-merge-');
let draftText: string;

beforeEach(() => {
  // Next week's draft made from 2026-08-12, as New Issue Draft makes it; the batch: 2026-08-19's events.
  const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
  draftText = composeDraft(read('draft/DRAFT_TEMPLATE'), read('recent/2026-08-12-this-week-in-rust.md'), 661, parseIsoDate('2026-08-19')!);
  writeFileSync(join(sandbox.dir, DRAFT), draftText);
  writeFileSync(join(sandbox.dir, 'batch.md'), `${eventsListOf(read(`recent/${DRAFT}`))}\n`);
});

const merge = (...args: string[]) => runCli(sandbox.cli, ['merge', ...args], sandbox.dir);

/** An issue's events as the events team's JSON (one record per title, by the region they are listed under), each with a long description as Meetup's API gives it. */
function jsonRecordsOf(issue: string): Record<string, unknown[]> {
  const records: Record<string, unknown[]> = {};
  for (const region of buildModel(issue).events!.regions) {
    for (const { event } of region.events) {
      const location = event!.location!;
      const place = location.kind === 'in-person' ? location.text : location.parts.join(', ');
      for (const title of event!.titles) {
        (records[region.name] ??= []).push({
          name: title.text,
          location: place,
          date: formatIsoDate(event!.date!.reading!.start!),
          url: title.url,
          virtual: location.kind !== 'in-person',
          hybrid: location.kind === 'hybrid',
          organizer_name: event!.groups[0].text,
          organizer_url: event!.groups[0].url,
          description: 'Rust meetup. '.repeat(150),
        });
      }
    }
  }
  return records;
}

describe('twir-lint merge', () => {
  it('prints the report by region and the diff, and writes nothing without --write', async () => {
    const run = await merge('--events', 'batch.md', DRAFT);
    expect(run.stdout).toMatch(/^Merging 55 events from batch\.md into the window 2026-08-19 - 2026-09-16: 22 added, 18 replaced, 1 possible duplicate\.\n/);
    expect(run.stdout).toContain('\nEurope: 7 added, 1 replaced, 1 unchanged\n  + 2026-08-20 | Berlin, DE | Rust Berlin — Rust Summer Party! (line 62)\n');
    expect(run.stdout).toContain(`--- ${DRAFT}\n+++ ${DRAFT}\n`);
    expect(run.stdout).toContain('\n+* 2026-08-26 | Dresden, DE | [Rust Dresden](https://github.com/rust-dresden)\n');
    // A possible duplicate needs a look: status 1.
    expect(run.status).toBe(1);
    expect(readFileSync(join(sandbox.dir, DRAFT), 'utf8')).toBe(draftText);
  });

  it('--write applies it, keeping the file mode; a second merge finds nothing to do (status 0)', async () => {
    const mode = statSync(join(sandbox.dir, DRAFT)).mode;
    const run = await merge('--events', 'batch.md', '--write', DRAFT);
    expect(run.stdout).toContain(`\nWrote ${DRAFT}.\n`);
    const written = readFileSync(join(sandbox.dir, DRAFT), 'utf8');
    expect(written).toContain('* 2026-09-15 | Leipzig, DE |');
    expect(statSync(join(sandbox.dir, DRAFT)).mode).toBe(mode);
    const again = await merge('--events', 'batch.md', '--write', DRAFT);
    expect(again.stdout).toMatch(/: nothing to merge: the 55 listings of the batch are in the draft already\.\n/);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('Wrote');
    expect(readFileSync(join(sandbox.dir, DRAFT), 'utf8')).toBe(written);
  });

  it('reads a JSON batch printed on one line of 100 KB, as the events team\'s automation prints it; a Markdown batch keeps the line guard', async () => {
    const records = jsonRecordsOf(readFileSync(join(FIXTURES, `recent/${DRAFT}`), 'utf8'));
    const json = JSON.stringify(records);
    expect(json).not.toContain('\n');
    expect(json.length).toBeGreaterThan(100_000);
    writeFileSync(join(sandbox.dir, 'batch.json'), json);
    const run = await merge('--events', 'batch.json', '--write', DRAFT);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Merging \d+ events from batch\.json into the window 2026-08-19 - 2026-09-16: \d+ added/);
    expect(readFileSync(join(sandbox.dir, DRAFT), 'utf8')).toContain('* 2026-09-15 | Leipzig, DE |');

    writeFileSync(join(sandbox.dir, 'long.md'), `${eventsListOf(readFileSync(join(FIXTURES, `recent/${DRAFT}`), 'utf8'))}\n* ${'x'.repeat(5_000)}\n`);
    const long = await merge('--events', 'long.md', DRAFT);
    expect(long.status).toBe(2);
    expect(long.stderr).toMatch(/^twir-lint merge: long\.md: The file has a line of 5002 characters \(line \d+; TWiR analyses lines up to 4000\): not linted\.\n$/);
  });

  it('keeps every title and every twin, and leaves out (naming it) what would not read as Markdown as it says: status 1', async () => {
    const small = '2026-09-02-this-week-in-rust.md';
    const talks = ['* 2026-09-15 | Berlin, DE | [Rust Berlin](https://www.meetup.com/rust-berlin)', '    * [**Rust Talks**](https://www.meetup.com/rust-berlin/events/1/)', '    * [**Rust Talks: student track**](https://www.meetup.com/rust-berlin/events/2/)'];
    const text = ['Title: This Week in Rust 640', 'Number: 640', 'Date: 2026-09-02', 'Category: This Week in Rust', '', '## Upcoming Events', '', 'Rusty Events between 2026-09-02 - 2026-09-30 🦀', '', '### Europe', ...talks, '', '## Jobs', ''].join('\n');
    writeFileSync(join(sandbox.dir, small), text);
    const record = (fields: Record<string, unknown>) => ({ name: 'Rust Talks: Embassy', location: 'Berlin, DE', date: '2026-09-15', url: 'https://www.meetup.com/rust-berlin/events/1/', virtual: false, organizer_name: 'Rust Berlin', organizer_url: 'https://www.meetup.com/rust-berlin', ...fields });
    const batch = {
      Virtual: [record({ name: 'Rust Talks', virtual: true })],
      Europe: [
        record({}),
        record({ name: '<script>alert(1)</script>', url: 'https://www.meetup.com/rust-berlin/events/3/ "title"', date: '2026-09-16' }),
        record({ name: 'Rust \u202Egnp.exe', url: 'https://www.meetup.com/rust-berlin/events/4/' }),
      ],
    };
    writeFileSync(join(sandbox.dir, 'batch.json'), JSON.stringify(batch));
    const run = await merge('--events', 'batch.json', '--write', small);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Virtual (new region): 1 added\n  + 2026-09-15 | Virtual (Berlin, DE) | Rust Berlin — Rust Talks (Virtual #1 (Rust Talks))\n');
    expect(run.stdout).toContain('    only the title it matches: the event keeps "Rust Talks: student track"\n');
    expect(run.stdout).toContain('Left out (1):\n  2026-09-15 | Berlin, DE | Rust Berlin (Europe #3 (Rust <U+202E>gnp.exe)): "name" holds a bidirectional-override character (U+202E)\n');
    expect(run.stdout).toContain('  Europe #2 (<script>alert(1)</script>): "url" percent-encoded as https://www.meetup.com/rust-berlin/events/3/%20%22title%22\n');
    expect(run.stdout).not.toContain('\u202E');
    const written = readFileSync(join(sandbox.dir, small), 'utf8');
    expect(written).toContain(['### Europe', talks[0], '    * [**Rust Talks: Embassy**](https://www.meetup.com/rust-berlin/events/1/)', talks[2], '* 2026-09-16 | Berlin, DE | [Rust Berlin](https://www.meetup.com/rust-berlin)', '    * [**&lt;script>alert(1)&lt;/script>**](https://www.meetup.com/rust-berlin/events/3/%20%22title%22)', ''].join('\n'));
    // The merged draft has none of the findings a raw merge used to write into it.
    const lint = await runCli(sandbox.cli, ['--format', 'text', small], sandbox.dir);
    expect(lint.stdout).not.toMatch(/markdown\/html|links\/malformed|events\/title-line/);
  });

  it('stops with status 2 and changes nothing on a bad batch, a bad draft or a bad command line', async () => {
    writeFileSync(join(sandbox.dir, 'bad.json'), '{"Europe": [{"name": "x"}]}');
    const bad = await merge('--events', 'bad.json', '--write', DRAFT);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('twir-lint merge: Europe #1 (x): "location" is missing. Nothing was changed.\n');
    expect(bad.stdout).toBe('');
    expect(readFileSync(join(sandbox.dir, DRAFT), 'utf8')).toBe(draftText);

    writeFileSync(join(sandbox.dir, DRAFT), draftText.replace(/Rusty Events between .*\n/, ''));
    expect((await merge('--events', 'batch.md', DRAFT)).stderr).toMatch(/^twir-lint merge: The draft has no "Rusty Events between START - END" line/);
    expect((await merge('--events', 'missing.json', DRAFT)).stderr).toBe('twir-lint merge: missing.json: No such file.\n');
    const usage = await merge(DRAFT);
    expect([usage.status, usage.stderr.split('\n')[0]]).toEqual([2, 'twir-lint: merge needs --events FILE']);
    expect((await merge('--help')).stdout).toMatch(/^Usage: twir-lint merge --events FILE \[--write\] DRAFT\n/);
  });
});
