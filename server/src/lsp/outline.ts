import { DocumentSymbol, FoldingRange } from 'vscode-languageserver/node';
import { foldingRanges } from '../service/providers/folding';
import { outline, type OutlineSymbol } from '../service/providers/outline';
import type { ServerContext } from './context';

function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return DocumentSymbol.create(symbol.name, symbol.detail, symbol.kind as DocumentSymbol['kind'], symbol.range, symbol.selectionRange, symbol.children.map(toDocumentSymbol));
}

export function registerOutline(context: ServerContext): void {
  const { connection, documents } = context;
  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    const model = document && context.modelOf(document);
    return model ? outline(model).map(toDocumentSymbol) : null;
  });
  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    const model = document && context.modelOf(document);
    return model ? foldingRanges(model).map((fold) => FoldingRange.create(fold.startLine, fold.endLine, undefined, undefined, fold.kind)) : null;
  });
}
