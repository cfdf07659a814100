/**
 * Drafts as `submerge fetch` leaves them, for tests: its marker comment, and its insertion of the
 * marked items right after their category's heading (`build_edit_buffer`, `mark_submission_item`).
 */
import { buildModel } from '../../model/build';

export interface Submission {
  pr: number;
  /** The `###` category under Updates from Rust Community. */
  section: string;
  /** The list item as the PR adds it (its first line gets the marker). */
  item: string;
  author?: string;
  title?: string;
  sha?: string;
}

/** A head commit: the PR number spelled out to 40 hex digits. */
export function shaOf(pr: number): string {
  return pr.toString(16).padStart(40, 'a');
}

/** `marker::Attrs::to_comment`. */
export function markerOf(submission: Omit<Submission, 'section' | 'item'>): string {
  const title = (submission.title ?? `Add a link (#${submission.pr})`).replace(/-->/g, '-- >').replace(/[\r\n]/g, ' ').trim();
  return `<!-- url=https://github.com/rust-lang/this-week-in-rust/pull/${submission.pr} submerge-pr=${submission.pr} sha=${submission.sha ?? shaOf(submission.pr)} author=${submission.author ?? 'someone'} title=${title} -->`;
}

/** `mark_submission_item`: the bullet made `*`, the marker at the end of the first line. */
export function markedItem(submission: Submission): string {
  const item = submission.item.trimStart().replace(/^\S+/, '*');
  const lineEnd = item.indexOf('\n');
  return lineEnd === -1 ? `${item} ${markerOf(submission)}` : `${item.slice(0, lineEnd)} ${markerOf(submission)}${item.slice(lineEnd)}`;
}

/**
 * `build_edit_buffer`: the marked items of each category, by PR number, inserted as `\n{items}\n`
 * right after the category's heading line.
 */
export function fetchInto(draft: string, submissions: readonly Submission[]): string {
  const model = buildModel(draft);
  const eol = model.eol;
  const community = model.allSections.find((section) => section.heading.level === 2 && section.heading.text === 'Updates from Rust Community');
  if (!community) throw new Error('the draft has no Updates from Rust Community section');
  const insertions = [...new Set(submissions.map((submission) => submission.section))].map((name) => {
    const heading = community.children.find((section) => section.heading.level === 3 && section.heading.text === name)?.heading;
    if (!heading) throw new Error(`draft is missing community section "${name}"`);
    const items = submissions
      .filter((submission) => submission.section === name)
      .sort((a, b) => a.pr - b.pr)
      .map((submission) => markedItem(submission).replace(/\n/g, eol));
    return { offset: model.lines.starts[heading.line + 1] ?? draft.length, text: `${eol}${items.join(eol)}${eol}` };
  });
  let result = draft;
  for (const { offset, text } of insertions.sort((a, b) => b.offset - a.offset)) result = result.slice(0, offset) + text + result.slice(offset);
  return result;
}
