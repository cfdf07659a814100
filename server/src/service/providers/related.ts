import type { IssueModel } from '../model/types';
import { earlierIssue } from '../rules/links/shared';
import type { EarlierIssue } from '../rules/types';
import { repairMojibake } from '../util/mojibake';
import { comparableUrl } from '../util/urls';

/** An event as completions learn from it: where it is and the groups it links, as they should read. */
export interface ListedEvent {
  readonly location?: string;
  readonly groups: readonly { readonly name: string; readonly url: string }[];
}

/**
 * An issue beside the file, as the editor's features read it (rules read the `EarlierIssue` part):
 * a digest made once per file version, so that the server keeps no model of the issues beside the
 * open ones (a model is ~15 times its text).
 */
export interface RelatedIssue extends EarlierIssue {
  /** The comparable form (`comparableUrl`) of every link's URL, for hovers. */
  readonly linkUrls: ReadonlySet<string>;
  /** Its events that link a group, for completions. */
  readonly events: readonly ListedEvent[];
}

/**
 * The events of an issue that link a group with a name and a URL, in document order (none in a
 * legacy events section), mojibake re-decoded: completions offer them for new lines.
 */
export function listedEvents(model: IssueModel): ListedEvent[] {
  if (!model.events || model.events.legacy) return [];
  const events: ListedEvent[] = [];
  for (const region of model.events.regions) {
    for (const entry of region.events) {
      const groups = (entry.event?.groups ?? []).filter((group) => group.text && group.url).map((group) => ({ name: repairMojibake(group.text), url: group.url }));
      const location = entry.event?.location && repairMojibake(entry.event.location.text);
      if (groups.length > 0) events.push({ location: location || undefined, groups });
    }
  }
  return events;
}

/**
 * The digest of an issue beside the file. It is copied whole (`structuredClone`): a string cut from
 * the model's text would keep that whole text alive (V8's sliced strings hold their parent).
 */
export function relatedIssue(fileName: string, model: IssueModel): RelatedIssue {
  const linkUrls = new Set<string>();
  for (const link of model.links) if (link.url) linkUrls.add(comparableUrl(link.url));
  return structuredClone({ ...earlierIssue(fileName, model), linkUrls, events: listedEvents(model) });
}
