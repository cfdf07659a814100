/**
 * This week against last week, live: a tree view (Explorer › TWiR This Week vs Last) of what the
 * draft changes against the issue before it. The server computes the review
 * (service/commands/review.ts) as a flat list of items; this renders them under their group path,
 * each a click away from its line — in the draft, or in the previous issue for what it dropped.
 */
import * as vscode from 'vscode';
// Types only: nothing of the server is bundled.
import type { CommandResult } from '../../server/src/lsp/protocol';
import type { ReviewItem } from '../../server/src/service/commands/review';
import { groupedNodes, groupTreeItem, openAtLine, type GroupNode } from './grouped-tree';

export const REVIEW_VIEW = 'twir.review';

type Node = GroupNode<ReviewItem>;
type Shown = { uri: vscode.Uri } & NonNullable<CommandResult['weekReview']>;

const ICONS: Record<ReviewItem['kind'], [icon: string, color?: string]> = {
  new: ['add', 'gitDecoration.addedResourceForeground'],
  added: ['add', 'gitDecoration.addedResourceForeground'],
  changed: ['diff-modified', 'gitDecoration.modifiedResourceForeground'],
  dropped: ['remove', 'gitDecoration.deletedResourceForeground'],
  removed: ['remove', 'gitDecoration.deletedResourceForeground'],
  carried: ['arrow-right'],
  repeated: ['references', 'problemsWarningIcon.foreground'],
};

/** Groups long enough to be noise when open: the events carried over, the sections' entries. */
const COLLAPSED = new Set(['Carried over', 'Sections']);

export class ReviewView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[];
  shown: Shown | undefined;
  private requests = 0;

  /** `fetch` asks the server for a document's review: undefined when it is no issue. */
  constructor(private readonly fetch: (uri: vscode.Uri) => Promise<CommandResult | undefined>) {
    this.view = vscode.window.createTreeView(REVIEW_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.view.message = 'Open a This Week in Rust draft to compare it with last week\'s issue.';
    this.disposables = [
      this.changed,
      this.view,
      // Asked only while the view is shown: a review reads the previous issue.
      this.view.onDidChangeVisibility(() => void this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      // The server publishes the diagnostics of each version of the issue: the review follows them.
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        const active = vscode.window.activeTextEditor?.document.uri;
        if (active && uris.some((uri) => uri.toString() === active.toString())) void this.refresh();
      }),
    ];
  }

  /** Asks again for the active editor's issue; another editor leaves the last review in the view. */
  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!this.view.visible || document?.languageId !== 'markdown') return;
    const request = ++this.requests;
    const result = await this.fetch(document.uri);
    if (request !== this.requests || !result) return;
    if (result.weekReview) {
      this.shown = { uri: document.uri, ...result.weekReview };
      this.view.description = result.weekReview.summary;
      this.view.message = undefined;
    } else {
      this.shown = undefined;
      this.view.description = undefined;
      this.view.message = result.message;
    }
    this.changed.fire();
  }

  /** What the view says instead of items (no earlier issue, not an issue). */
  get message(): string | undefined {
    return this.view.message;
  }

  getChildren(node?: Node): Node[] {
    if (node) return 'children' in node ? node.children : [];
    return this.shown ? groupedNodes(this.shown.items) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) return groupTreeItem(node, node.group.length === 1 ? COLLAPSED.has(node.group[0]) : COLLAPSED.has(node.group.at(-1)!));
    const { item } = node;
    const treeItem = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
    const where = item.inPrevious ? `${this.shown!.review.previous.fileName}:${item.line + 1}` : `line ${item.line + 1}`;
    treeItem.description = item.detail ? `${item.detail} · ${where}` : where;
    treeItem.tooltip = `${item.label}\n${treeItem.description}`;
    const [icon, color] = ICONS[item.kind];
    treeItem.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    treeItem.command = openAtLine(item.inPrevious ? vscode.Uri.parse(this.shown!.previousUri) : this.shown!.uri, item.line);
    return treeItem;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
