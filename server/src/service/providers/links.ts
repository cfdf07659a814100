import type { IssueModel } from '../model/types';
import type { Range } from '../util/text';

export interface DocumentLinkInfo {
  range: Range;
  target: string;
  tooltip?: string;
}

const OPENABLE = /^(?:https?|mailto):/i;

/**
 * Clickable links for every editor: each link's URL as written, each reference (`[text][label]`)
 * to its definition's URL, and the definitions themselves. Placeholders (no scheme) are not links.
 */
export function documentLinks(model: IssueModel): DocumentLinkInfo[] {
  const links: DocumentLinkInfo[] = [];
  for (const link of model.links) {
    if (!OPENABLE.test(link.url) || model.lineKinds[link.line] === 'comment') continue;
    if (link.kind === 'reference') {
      links.push({ range: link.range, target: link.url, tooltip: `[${link.label}] → ${link.url} (line ${link.definition!.line + 1})` });
    } else if (link.urlRange) {
      links.push({ range: link.urlRange, target: link.url });
    }
  }
  for (const definition of model.definitions) {
    if (OPENABLE.test(definition.url)) links.push({ range: definition.urlRange, target: definition.url });
  }
  return links;
}
