import { DocumentSymbol, FoldingRange, type DocumentSymbolParams, type FoldingRangeParams } from 'vscode-languageserver';
import { foldingRanges } from '../service/providers/folding';
import { outline, type OutlineSymbol } from '../service/providers/outline';
import type { AnalysisContext } from './context';
import type { Handlers } from './handlers';

function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return DocumentSymbol.create(symbol.name, symbol.detail, symbol.kind as DocumentSymbol['kind'], symbol.range, symbol.selectionRange, symbol.children.map(toDocumentSymbol));
}

export function outlineHandlers(context: AnalysisContext): Handlers {
  return {
    'textDocument/documentSymbol': (params: DocumentSymbolParams) => {
      const issue = context.issueOf(params.textDocument.uri);
      return issue ? outline(issue.model).map(toDocumentSymbol) : null;
    },
    'textDocument/foldingRange': (params: FoldingRangeParams) => {
      const issue = context.issueOf(params.textDocument.uri);
      return issue ? foldingRanges(issue.model).map((fold) => FoldingRange.create(fold.startLine, fold.endLine, undefined, undefined, fold.kind)) : null;
    },
  };
}
