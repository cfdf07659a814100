import { isCommunitySection } from '../../model/sections';
import { withoutMarkers } from '../../model/submerge';
import type { Entry, IssueModel } from '../../model/types';
import { lineSpan } from '../../util/text';
import { isLanguageCode, languageCodeByName, languageName, mainLanguageOfCountry } from '../../util/languages';
import type { Finding, Rule } from '../types';
import { entriesIn } from '../span';

const KINDS = new Set(['video', 'audio', 'series']);
/** Kinds published for a playlist, never corrected (conventions.ts playlistAndBilingualPrefixes). */
const PLAYLIST_KINDS = new Set(['videos', 'playlist']);
/** A bilingual page: two language codes, `[ZH | EN]` or `[ZH/EN]`. */
const BILINGUAL = /^[A-Z]{2}(?:\s*[|/]\s*[A-Z]{2})+$/;
/** Words older issues used where TWiR now writes one of its kinds. */
const KIND_SYNONYMS: Record<string, string> = { podcast: 'audio' };
const TOKEN = /\[([^[\]]*)\]/g;

/** What a `[token]` before a community link should be: the canonical prefix, or why it is unknown. */
function canonicalPrefix(token: string): { prefix: string; safe: boolean } | undefined {
  const word = token.trim();
  const lower = word.toLowerCase();
  if (KINDS.has(lower) || PLAYLIST_KINDS.has(lower)) return { prefix: lower, safe: true };
  if (BILINGUAL.test(word) && word.split(/\s*[|/]\s*/).every(isLanguageCode)) return { prefix: word, safe: true };
  if (KIND_SYNONYMS[lower]) return { prefix: KIND_SYNONYMS[lower], safe: true };
  if (/^[a-z]{2}$/i.test(word)) {
    if (isLanguageCode(word)) return { prefix: word.toUpperCase(), safe: true };
    // A country's code where its language's is meant (`[CN]` for `[ZH]`): a guess, offered but not applied unasked.
    const language = mainLanguageOfCountry(word);
    return language ? { prefix: language, safe: false } : undefined;
  }
  const code = languageCodeByName(word);
  return code ? { prefix: code, safe: true } : undefined;
}

function describe(prefix: string): string {
  return KINDS.has(prefix) ? `\`[${prefix}]\`` : `\`[${prefix}]\` (${languageName(prefix)})`;
}

const rule: Rule = {
  id: 'links/prefix',
  fixable: true,
  local: true,
  certainty: 'convention',
  docs:
    'The prefixes of a community link: `[video]`, `[audio]`, `[series]` (lower case; `[videos]` or `[playlist]` for ' +
    'a playlist) and a two-letter ISO 639-1 language code such as `[ZH]` (upper case; two for a bilingual page, ' +
    '`[ZH | EN]`), each left of the link: `* [video] [ZH] [Title](url)`. Reports ' +
    'prefixes in the wrong case, written after the link, named in words (`[Chinese]`, `[podcast]`), country codes ' +
    'used as language codes (`[CN]`), and unknown ones; the fix rewrites or moves them.',
  example: {
    in: 'community',
    wrong: '* [Video] [A talk](https://example.com/talk)',
    right: '* [video] [A talk](https://example.com/talk)',
  },
  check({ model, span }) {
    const findings: Finding[] = [];
    for (const entry of entriesIn(model, span)) {
      if (entry.kind === 'community-link' && isCommunitySection(entry.section.kind)) findings.push(...entryFindings(model, entry));
    }
    return findings;
  },
};

function entryFindings(model: IssueModel, entry: Entry): Finding[] {
  const { line, contentStart } = entry.lines[0];
  // A submerge marker after the link is no text of the line: a prefix may stand before it.
  const text = withoutMarkers(entry.lines[0].text, line, model.markers);
  const links = entry.links.filter((link) => link.line === line && link.range.end.line === line);
  if (links.length === 0) return [];
  const findings: Finding[] = [];
  const linkStart = links[0].range.start.character;
  const lead = text.slice(contentStart, linkStart);
  if (lead.replace(TOKEN, '').trim() === '') {
    for (const match of lead.matchAll(TOKEN)) {
      const start = contentStart + match.index;
      const range = lineSpan(line, start, start + match[0].length);
      const canonical = canonicalPrefix(match[1]);
      if (!canonical) {
        findings.push({ range, message: `Unknown prefix \`${match[0]}\`: TWiR uses \`[video]\`, \`[audio]\`, \`[series]\` and language codes such as \`[ZH]\`.` });
      } else if (canonical.prefix !== match[1]) {
        findings.push({
          range,
          // `[Video]` reads the same: a nit, not a warning.
          certainty: canonical.prefix.toLowerCase() === match[1].toLowerCase() ? 'hint' : undefined,
          message: `Write the prefix as ${describe(canonical.prefix)}.`,
          fix: { title: `Write [${canonical.prefix}]`, edits: [{ range, newText: `[${canonical.prefix}]` }], safe: canonical.safe },
        });
      }
    }
    if (lead.endsWith(']')) {
      const at = lineSpan(line, linkStart, linkStart);
      findings.push({ range: lineSpan(line, linkStart - 1, linkStart + 1), message: 'Put a space between the prefix and the link.', fix: { title: 'Add a space', edits: [{ range: at, newText: ' ' }] } });
    }
  }
  const lastEnd = links[links.length - 1].range.end.character;
  const trailing = /^(\s*)\[([^[\]]*)\]\s*$/.exec(text.slice(lastEnd));
  const canonical = trailing && canonicalPrefix(trailing[2]);
  if (trailing && canonical) {
    const range = lineSpan(line, lastEnd + trailing[1].length, text.trimEnd().length);
    findings.push({
      range,
      message: `The prefix ${describe(canonical.prefix)} goes left of the link.`,
      fix: {
        title: 'Move the prefix left of the link',
        edits: [
          { range: lineSpan(line, linkStart, linkStart), newText: `[${canonical.prefix}] ` },
          { range: lineSpan(line, lastEnd, text.trimEnd().length), newText: '' },
        ],
        safe: canonical.safe,
      },
    });
  }
  return findings;
}

export default rule;
