/**
 * The publish readiness of the issue being written, live: a tree view (Explorer › TWiR Readiness)
 * and a status bar item (`TWiR 634 · 3 errors · 2 placeholders`) that opens it. The server computes
 * the readiness (service/commands/readiness.ts); this only renders its items, generically: under
 * their group path, with their severity's icon, each a click away from its line.
 */
import * as vscode from 'vscode';
// A type only: nothing of the server is bundled.
import type { Readiness, ReadinessItem } from '../../server/src/service/commands/readiness';
import { groupedNodes, groupTreeItem, openAtLine, type GroupNode } from './grouped-tree';

export const READINESS_VIEW = 'twir.readiness';

type Node = GroupNode<ReadinessItem>;

export class ReadinessView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly statusBar = vscode.window.createStatusBarItem('twir.readiness', vscode.StatusBarAlignment.Left, 50);
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[];
  /** The issue shown, and its readiness as last answered. */
  private shown: { uri: vscode.Uri; readiness: Readiness } | undefined;
  /** Answers can arrive out of order: only the latest request's is shown. */
  private requests = 0;

  /** `fetch` asks the server for a document's readiness: undefined when it is no issue. */
  constructor(private readonly fetch: (uri: vscode.Uri) => Promise<Readiness | undefined>) {
    this.statusBar.name = 'TWiR Publish Readiness';
    this.statusBar.command = { title: 'Show Publish Readiness', command: 'twir.checkPublishReadiness' };
    this.view = vscode.window.createTreeView(READINESS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.view.message = 'Open a This Week in Rust issue to see what stands between it and publication.';
    this.disposables = [
      this.changed,
      this.statusBar,
      this.view,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      // The server publishes the diagnostics of each version of the issue: the readiness follows them.
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        const active = this.activeUri();
        if (active && uris.some((uri) => uri.toString() === active.toString())) void this.refresh();
      }),
    ];
  }

  private activeUri(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'markdown' ? document.uri : undefined;
  }

  /** Asks again for the active editor's issue; another editor leaves the last issue in the view. */
  async refresh(): Promise<void> {
    const uri = this.activeUri();
    const request = ++this.requests;
    const readiness = uri && (await this.fetch(uri));
    if (request !== this.requests) return;
    // Palette commands about an issue show for an issue only; the view, once there was one.
    void vscode.commands.executeCommand('setContext', 'twir.activeIssue', Boolean(readiness));
    if (!uri || !readiness) {
      this.statusBar.hide();
      return;
    }
    if (!this.shown) void vscode.commands.executeCommand('setContext', 'twir.issueSeen', true);
    this.shown = { uri, readiness };
    this.statusBar.text = `$(${readiness.ready ? 'pass' : 'checklist'}) ${readiness.summary}`;
    this.statusBar.tooltip = readiness.ready ? 'Ready to publish: show the publish readiness' : 'Show what stands between this issue and publication';
    this.statusBar.show();
    this.view.description = readiness.summary;
    this.view.message = readiness.items.length === 0 ? `${readiness.title} is ready to publish: nothing left to do.` : undefined;
    this.changed.fire();
  }

  get visible(): boolean {
    return this.view.visible;
  }

  /** Shows the view, for the active issue. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${READINESS_VIEW}.focus`);
    await this.refresh();
  }

  getChildren(node?: Node): Node[] {
    if (node) return 'children' in node ? node.children : [];
    return this.shown ? groupedNodes(this.shown.readiness.items) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) return groupTreeItem(node);
    const { item } = node;
    const treeItem = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
    const line = `line ${item.line + 1}`;
    treeItem.description = item.detail ? `${item.detail} · ${line}` : line;
    treeItem.tooltip = `${item.label}\n${treeItem.description}`;
    treeItem.iconPath = new vscode.ThemeIcon(item.severity, new vscode.ThemeColor(`problems${item.severity[0].toUpperCase()}${item.severity.slice(1)}Icon.foreground`));
    treeItem.command = openAtLine(this.shown!.uri, item.line);
    return treeItem;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
