/**
 * `npm start`: runs the extension in a real VS Code — code-server on 127.0.0.1 (port from $PORT, or a
 * free one), provisioned on first use — on a temporary workspace with the seed draft open, or on the
 * folder given as argument (`npm start -- <folder>`). Prints the URL; Ctrl-C stops everything.
 */
import { resolve } from 'node:path';
import { createWorkspace, startCodeServer, workbenchUrl } from './e2e/code-server.mjs';

async function main() {
  const folderArgument = process.argv[2];
  const workspace = folderArgument ? { folder: resolve(folderArgument) } : createWorkspace();
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const server = await startCodeServer({ port });
  const url = workbenchUrl(server, { folder: workspace.folder, openFile: workspace.files?.draft });

  const description = folderArgument ? workspace.folder : `${workspace.folder} (a temporary copy of the seed draft, deleted on exit)`;
  console.log(
    [
      `TWiR Author is loaded in VS Code (code-server ${server.origin}) on ${description}.`,
      'Open this URL in a browser on this machine:',
      '',
      `  ${url}`,
      '',
      'After `npm run build`, reload the page to load the new build. Ctrl-C stops code-server.',
    ].join('\n'),
  );
  const code = await server.exit;
  console.error(`code-server stopped (${code}):\n${server.output()}`);
  process.exit(1);
}

main().catch((error) => {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
