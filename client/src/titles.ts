/**
 * A URL written as `[Title](url)`, on an explicit action only: the paste option "Paste as a titled
 * link" (never the default paste) and the code action "Fetch the page's title". The server fetches
 * (`twir/titledLink`), and only when the person picked one of them — in `resolveDocumentPasteEdit`,
 * never while VS Code lists the paste options — in a trusted workspace, with `twir.titles.fetch` on.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';
import { ExecuteCommandRequest } from 'vscode-languageclient';
import { FETCH_TITLE_COMMAND, TitledLinkRequest, type CommandResult, type TitledLinkResult } from '../../server/src/lsp/protocol';

const PASTE_TITLED_LINK = vscode.DocumentDropOrPasteEditKind.Text.append('twir', 'titledLink');

/** Whether a title may be fetched: the setting, and the workspace's trust. */
function titlesAllowed(): boolean {
  return vscode.workspace.isTrusted && vscode.workspace.getConfiguration('twir').get<boolean>('titles.fetch', true);
}

/** Why not, for a person who asked anyway. */
function whyNot(): string {
  return vscode.workspace.isTrusted ? 'fetching titles is switched off (setting twir.titles.fetch)' : 'the workspace is not trusted, and fetching a title reaches the network';
}

class TitledLinkPaste extends vscode.DocumentPasteEdit {
  constructor(readonly url: string, readonly pasted: string) {
    super(pasted, 'Paste as a titled link [Title](url) (fetches the page\'s title)', PASTE_TITLED_LINK);
    // Plain text stays the default paste: this is picked from the paste widget only.
    this.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
  }
}

/** The paste option and the code action's command; `client` is undefined until an issue started the server. */
export function registerTitles(client: () => BaseLanguageClient | undefined): vscode.Disposable[] {
  const provider: vscode.DocumentPasteEditProvider<TitledLinkPaste> = {
    // Runs on every paste: it only asks the server whether the text is a URL in a link section.
    async provideDocumentPasteEdits(document, ranges, data, _context, token) {
      const running = client();
      const text = await data.get('text/plain')?.asString();
      if (!running || !text || ranges.length !== 1 || !titlesAllowed()) return undefined;
      const position = running.code2ProtocolConverter.asPosition(ranges[0].start);
      const result = (await running.sendRequest(ExecuteCommandRequest.type, { command: 'twir.server.pasteUrl', arguments: [document.uri.toString(), text, position] }, token)) as CommandResult | null;
      return result?.url && !token.isCancellationRequested ? [new TitledLinkPaste(result.url, text)] : undefined;
    },
    // Runs when the person picks the option: the fetch happens here.
    async resolveDocumentPasteEdit(edit, token) {
      const result = await titledLink(edit.url, token);
      if ('link' in result) edit.insertText = result.link;
      else if (!token.isCancellationRequested) void vscode.window.showWarningMessage(`TWiR: pasted the URL as it is: ${result.error}.`);
      return edit;
    },
  };

  async function titledLink(url: string, token: vscode.CancellationToken): Promise<TitledLinkResult> {
    const running = client();
    if (!running) return { error: 'the language server is not running' };
    if (!titlesAllowed()) return { error: whyNot() };
    try {
      return await running.sendRequest<TitledLinkResult>(TitledLinkRequest, { url }, token);
    } catch (error) {
      return { error: token.isCancellationRequested ? 'cancelled' : (error as Error).message };
    }
  }

  const fetchTitleCommand = async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, url: string, version: number) => {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
    if (!document) return;
    const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `TWiR: fetching the title of ${url}`, cancellable: true }, (_progress, token) => titledLink(url, token));
    if ('error' in result) {
      if (result.error !== 'cancelled') void vscode.window.showWarningMessage(`TWiR: the URL is left as it is: ${result.error}.`);
      return;
    }
    // The person may have typed meanwhile: the link replaces the URL only where it still is.
    if (document.version !== version && !document.getText(target).includes(url)) {
      void vscode.window.showWarningMessage('TWiR: the line changed while the title was fetched: nothing was changed.');
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, target, result.link);
    await vscode.workspace.applyEdit(edit);
  };

  return [
    vscode.languages.registerDocumentPasteEditProvider({ language: 'markdown' }, provider, { providedPasteEditKinds: [PASTE_TITLED_LINK], pasteMimeTypes: ['text/plain'] }),
    vscode.commands.registerCommand(FETCH_TITLE_COMMAND, fetchTitleCommand),
  ];
}

/** The code action "Fetch the page's title" is not offered where it may not fetch. */
export const titleActionsMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    if (!actions || titlesAllowed()) return actions;
    return actions.filter((action) => !(action instanceof vscode.CodeAction && action.command?.command === FETCH_TITLE_COMMAND));
  },
};
