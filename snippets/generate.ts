/**
 * Writes `twir.code-snippets` from the shapes the language server offers as completions, so that
 * the static snippets and the completions never drift apart: `npx tsx snippets/generate.ts`.
 * (test/unit/snippets.test.ts fails when the file is not what this produces.)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SHAPES, TODAY_VARIABLES } from '../server/src/service/providers/shapes';

export const SNIPPETS_FILE = resolve(__dirname, 'twir.code-snippets');

export function snippetsText(): string {
  const snippets = Object.fromEntries(
    SHAPES.filter((shape) => !shape.serverOnly).map((shape) => [shape.prefix, { prefix: shape.prefix, description: shape.description, body: shape.body(TODAY_VARIABLES).split('\n') }]),
  );
  return `${JSON.stringify(snippets, null, 2)}\n`;
}

if (require.main === module) writeFileSync(SNIPPETS_FILE, snippetsText());
