/** Items listed under their group path, as the server's flat lists (readiness, review) give them. */
import * as vscode from 'vscode';

export type GroupNode<T> = { group: string[]; children: GroupNode<T>[]; count: number } | { item: T };

/** The tree of `items` under their `group` paths, in the items' order; each group counts the items under it. */
export function groupedNodes<T extends { group: readonly string[] }>(items: readonly T[]): GroupNode<T>[] {
  const root: GroupNode<T> = { group: [], children: [], count: 0 };
  for (const item of items) {
    let parent = root;
    for (const name of item.group) {
      const path = [...parent.group, name];
      let group = parent.children.find((candidate): candidate is Extract<GroupNode<T>, { group: string[] }> => 'group' in candidate && candidate.group.at(-1) === name);
      if (!group) parent.children.push((group = { group: path, children: [], count: 0 }));
      group.count++;
      parent = group;
    }
    parent.children.push({ item });
  }
  return root.children;
}

/** A group's tree item: its name, the count of its items, expanded unless `collapsed`. */
export function groupTreeItem(node: { group: string[]; count: number }, collapsed = false): vscode.TreeItem {
  const group = new vscode.TreeItem(node.group.at(-1)!, collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  group.id = node.group.join('\u0000');
  group.description = String(node.count);
  return group;
}

/** A click that opens `uri` at the line. */
export function openAtLine(uri: vscode.Uri, line: number): vscode.Command {
  const at = new vscode.Range(line, 0, line, 0);
  return { title: 'Go to the line', command: 'vscode.open', arguments: [uri, { selection: at } satisfies vscode.TextDocumentShowOptions] };
}
