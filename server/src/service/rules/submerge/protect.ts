import type { IssueModel } from '../../model/types';
import { comparePositions } from '../../util/text';
import type { Fix } from '../types';

/**
 * A fix that deletes a submerge marker (with the item it ends, usually) would leave its PR out of
 * `submerge merge`, unanswered: such a fix is never applied unasked (fix-all, a save, `--fix`), and
 * its title says so. A fix that moves the item writes the marker again and is left as it is.
 */
export function protectMarkers(model: IssueModel, fix: Fix): Fix {
  if (model.markers.length === 0) return fix;
  const deleted = model.markers.filter(
    (marker) =>
      fix.edits.some((edit) => comparePositions(edit.range.start, marker.range.end) < 0 && comparePositions(marker.range.start, edit.range.end) < 0) &&
      !fix.edits.some((edit) => edit.newText.includes(marker.text)),
  );
  if (deleted.length === 0) return fix;
  const prs = deleted.map((marker) => (marker.pr ? `PR #${marker.pr.number}` : 'a PR')).join(', ');
  const left = `${prs} will be left unmerged`;
  return { ...fix, title: `${fix.title} (${left})`, safe: false, doubt: `it deletes a submerge marker: ${left}` };
}
