#!/usr/bin/env node
/**
 * Measures, per quarter, which form of each dated convention the editors published: the evidence
 * behind server/src/service/conventions.ts. Reads published issues (default: the archive and 2026
 * fixtures) with plain line patterns, independently of the rules it dates, and prints one table per
 * convention (`--year` per year instead of per quarter).
 *
 *   node scripts/measure-conventions.mjs [--year] [FOLDER…]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const byYear = args.includes('--year');
const folders = args.filter((arg) => !arg.startsWith('--'));
if (folders.length === 0) folders.push('test/fixtures/archive', 'test/fixtures/recent');

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const OVERVIEW = new RegExp(String.raw`^\s*[*-] ?(${DATE})([^|]*)\|([^|]*)\|(.*)$`);

/** Per convention: form → period → count. */
const tables = new Map();
/**
 * Counts one occurrence of a form. With a `key` (the line as written), a line copied unchanged from
 * issue to issue (events stay listed for weeks) counts once per period: one editorial choice.
 */
const seen = new Set();
function count(convention, form, period, key) {
  if (key !== undefined) {
    const id = JSON.stringify([convention, period, key]);
    if (seen.has(id)) return;
    seen.add(id);
  }
  if (!tables.has(convention)) tables.set(convention, new Map());
  const forms = tables.get(convention);
  if (!forms.has(form)) forms.set(form, new Map());
  forms.get(form).set(period, (forms.get(form).get(period) ?? 0) + 1);
}

/** The lines of the `## …` section whose heading matches. */
function section(lines, heading) {
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && /^#{1,2} /.test(line));
  return lines.slice(start + 1, end < 0 ? lines.length : end);
}

for (const folder of folders) {
  for (const name of readdirSync(folder).filter((file) => /^\d{4}-\d{2}-\d{2}-this-week-in-rust\.md$/.test(file)).sort()) {
    const text = readFileSync(join(folder, name), 'utf8');
    const date = /^Date: (\d{4})-(\d{2})/m.exec(text) ?? /^(\d{4})-(\d{2})/.exec(name);
    const period = byYear ? date[1] : `${date[1]}Q${Math.ceil(Number(date[2]) / 3)}`;
    const lines = text.split(/\r?\n/);
    measureEvents(section(lines, /^#{1,2} Upcoming Events/), period);
    measureCfp(section(lines, /^### CFP - (Events|Speakers)/), period);
    measureCommunity(section(lines, /^## Updates from Rust Community/), period);
  }
}

function measureEvents(lines, period) {
  if (!lines.some((line) => line.startsWith('Rusty Events between'))) return;
  for (const line of lines) {
    if (line.startsWith('Rusty Events between')) count('window line', /^Rusty Events between \S+ - \S+ 🦀$/u.test(line) ? 'Rusty Events between D - D 🦀' : line.replace(new RegExp(DATE, 'g'), 'D'), period);
    if (line !== '' && line.trim() === '') count('whitespace-only lines in events', 'line of spaces', period);
  }
  count('whitespace-only lines in events', 'issues', period);
  lines.forEach((line, index) => {
    if (/^### /.test(line)) count('region heading, then', lines[index + 1] === '' ? 'a blank line' : 'the first event', period);
  });
  let previous;
  for (const line of lines) {
    if (/^###/.test(line)) previous = undefined;
    const overview = OVERVIEW.exec(line);
    if (!overview) continue;
    const [, start, rest, place, group] = overview;
    const location = place.trim();
    if (previous && previous.start === start) count('same-day order', location >= previous.location ? 'by location text' : 'other', period, previous.line + line);
    previous = { start, location, line };
    const range = rest.trim();
    if (range !== '') count('two-day dates', /^&/.test(range) ? 'D & D' : /^-\s*\d{4}/.test(range) ? 'D - D' : /^,/.test(range) ? 'D, D' : `other: ${range}`, period, line);
    else count('two-day dates', 'single date', period, line);
    hybrid(location, period, line);
    auCa(location, period, line);
    groups(group, period, line);
  }
}

function hybrid(location, period, line) {
  const form = /^Hybrid \(/.test(location)
    ? 'Hybrid (City, CC)'
    : /^Hybrid\b/.test(location)
      ? 'Hybrid - / Hybrid: …'
      : /^Virtual \+ /.test(location)
        ? 'Virtual + City'
        : /\+ ?Virtual/i.test(location)
          ? 'City + Virtual'
          : /^Virtual and In-Person/i.test(location) || /In[- ]?person/i.test(location)
            ? 'Virtual and In-Person (…)'
            : undefined;
  if (form) count('hybrid forms', form, period, line);
}

function auCa(location, period, line) {
  const place = /\(([^)]*)\)\s*$/.exec(location)?.[1] ?? location;
  const parts = place.split(',').map((part) => part.trim());
  const country = parts[parts.length - 1];
  if (country !== 'AU' && country !== 'CA') return;
  count('AU/CA states', `${country} ${parts.length >= 3 ? 'with state' : 'without'}`, period, line);
}

function groups(field, period, line) {
  const links = field.match(/\]\(/g)?.length ?? 0;
  if (links < 2) return;
  const joiner = /\) ?\| ?\[/.test(field) ? ' | ' : /\) ?\+ ?\[/.test(field) ? ' + ' : /\), ?\[/.test(field) ? ', ' : /\) ?& ?\[/.test(field) ? ' & ' : /\) and \[/.test(field) ? ' and ' : 'other';
  count('several groups', joiner, period, line);
}

function measureCfp(lines, period) {
  for (const line of lines) {
    if (!/^\s*\* \[/.test(line) || !line.includes('|')) continue;
    count('CFP bold names', /^\s*\* \[(\*\*|__)/.test(line) ? '[**name**]' : '[name]', period, line);
    count('CFP `)|`', /\)\|/.test(line) ? ')|' : ') |', period, line);
    const deadline = line.split('|')[1]?.trim() ?? '';
    count('CFP deadline', new RegExp(DATE).test(deadline) ? 'a date' : `no date: ${deadline}`, period, line);
  }
}

function measureCommunity(lines, period) {
  for (const line of lines) {
    const link = /^\s*\* (.*?)\[[^\]]*\]\((https?:\/\/[^)\s]+)\)/.exec(line);
    if (!link) continue;
    const [, prefix, url] = link;
    for (const tag of prefix.match(/\[[^\]]*\]/g) ?? []) count('link prefixes', /^\[[A-Z]{2}\]$/.test(tag) ? '[XX] language' : tag, period);
    if (/^https?:\/\/github\.com\/[^/]+\/[^/#?]+\/?$/.test(url)) count('repo or crate links', 'GitHub repository', period);
    else if (/^https?:\/\/crates\.io\/crates\/[^/]+\/?$/.test(url)) count('repo or crate links', 'crates.io crate', period);
    count('repo or crate links', 'community links', period);
  }
}

for (const [convention, forms] of tables) {
  const periods = [...new Set([...forms.values()].flatMap((counts) => [...counts.keys()]))].sort();
  console.log(`\n== ${convention}`);
  console.log(['form'.padEnd(34), ...periods.map((period) => period.slice(byYear ? 0 : 2).padStart(byYear ? 5 : 5))].join(''));
  for (const [form, counts] of [...forms].sort((a, b) => b[1].size - a[1].size)) {
    console.log([form.slice(0, 33).padEnd(34), ...periods.map((period) => String(counts.get(period) ?? '.').padStart(5))].join(''));
  }
}
