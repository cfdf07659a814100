import type { HtmlComment, IssueModel, Section, SectionKind } from '../../model/types';
import { NONE_SENTENCES as TEMPLATE_SENTENCES } from '../../model/sections';
import { lineScope } from '../fixes';
import type { Finding, Fix, Rule } from '../types';

/**
 * The sections that say so when they have nothing this week: what their sentence is about, and the
 * sentence as the current template words it (FCP and Calls for Testing list their groups: their
 * sentence comes only from the section's template comment).
 */
const NONE_SENTENCES: Partial<Record<SectionKind, { about: RegExp; sentence?: string }>> = {
  'calls-for-testing': { about: /testing/i },
  'cfp-projects': { about: /participation/i, sentence: TEMPLATE_SENTENCES['cfp-projects'] },
  'cfp-events': { about: /papers|presentations/i, sentence: TEMPLATE_SENTENCES['cfp-events'] },
  'approved-rfcs': { about: /approved/i, sentence: TEMPLATE_SENTENCES['approved-rfcs'] },
  'fcp-tracking': { about: /Final Comment Period/i },
  'fcp-group': { about: /Final Comment Period/i },
  'new-rfcs': { about: /New or Updated/i, sentence: TEMPLATE_SENTENCES['new-rfcs'] },
};

/** A "none this week" sentence as the template's comments write it: `*No …this week….*`, maybe as a list item. */
const SENTENCE_IN_COMMENT = /(?:\* +)?\*No\b[\s\S]*?\.\*(?!\*)/g;

const rule: Rule = {
  id: 'section/empty',
  fixable: true,
  certainty: 'task',
  docs:
    'A section that has nothing this week (Calls for Testing, CFP projects and events, approved RFCs, Final ' +
    'Comment Period, new RFCs) must say so with its "none this week" sentence, such as ' +
    '`*No Calls for papers or presentations were submitted this week.*`; entries that are only commented out ' +
    'do not count. A publishing task: information in a draft, an error at publishing. The fix (a quick fix, or ' +
    '"Prepare for Publishing"; never fix-all or a save, which would fill in sections not written yet) inserts the ' +
    'sentence where the template comment shows it, worded as that comment words it.',
  example: {
    wrong: '### CFP - Events\n\nAre you a speaker?\n\nIf you are an event organizer, please submit a link.',
    right: '### CFP - Events\n\n*No Calls for papers or presentations were submitted this week.*\n\nAre you a speaker?\n\nIf you are an event organizer, please submit a link.',
  },
  check({ model }) {
    const findings: Finding[] = [];
    for (const section of model.allSections) {
      const none = NONE_SENTENCES[section.kind];
      if (!none || !isEmpty(section)) continue;
      // The sentence goes where the template's comment shows it, or after the section's last comment.
      const comments = ownComments(model, section);
      const showing = comments.find((comment) => sentenceIn(comment, none.about));
      const sentence = showing ? sentenceIn(showing, none.about) : none.sentence;
      // An unclosed comment hides whatever follows it: a sentence inserted there would stay hidden.
      const comment = showing ?? comments.at(-1);
      const hidden = comment !== undefined && !comment.closed;
      findings.push({
        range: section.heading.range,
        message: `"${section.heading.text}" has no entries this week and does not say so${sentence ? `: add "${firstLine(sentence)}"` : ''}.`,
        publishingOnly: true,
        fix: sentence && !hidden ? { ...insertAfter(model, comment?.endLine ?? section.heading.line, sentence), scope: [lineScope(section.heading.line, section.bodyEndLine - 1)] } : undefined,
      });
    }
    return findings;
  },
};

function isEmpty(section: Section): boolean {
  if (section.entries.length > 0 || section.noneSentence) return false;
  return section.children.every(isEmpty);
}

/** The comments in the section's own text: the template puts its instructions where entries go. */
function ownComments(model: IssueModel, section: Section): HtmlComment[] {
  return model.comments.filter((comment) => comment.startLine > section.heading.line && comment.endLine < section.bodyEndLine);
}

function sentenceIn(comment: HtmlComment, about: RegExp): string | undefined {
  return [...comment.text.matchAll(SENTENCE_IN_COMMENT)].map((match) => match[0]).find((found) => /this week/i.test(found) && about.test(found));
}

function firstLine(text: string): string {
  const [first, ...rest] = text.split(/\r?\n/);
  return rest.length > 0 ? `${first} …` : first;
}

/**
 * Inserts the sentence as a paragraph of its own after the line: a quick fix, or "Prepare for
 * publishing", never fix-all — mid-week a section is empty because nobody has filled it yet.
 */
function insertAfter(model: IssueModel, line: number, sentence: string): Fix {
  const at = { line, character: model.lines.lineText(line).length };
  const nextIsText = line + 1 < model.lines.lineCount && model.lines.lineText(line + 1).trim() !== '';
  const paragraph = sentence.replace(/\r?\n/g, model.eol);
  return {
    title: 'Insert the "none this week" sentence',
    edits: [{ range: { start: at, end: at }, newText: `${model.eol}${model.eol}${paragraph}${nextIsText ? model.eol : ''}` }],
    safe: false,
  };
}

export default rule;
