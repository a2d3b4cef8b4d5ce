// The VS Code side of newslint: starts `newslint lsp` and lets
// vscode-languageclient carry diagnostics, hovers and quick fixes between
// the editor and the server. All the checking happens in the server.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the server as the settings say now. */
async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration('newslint');
  const command = config.get<string>('path', 'newslint');
  const args = ['lsp', ...config.get<string[]>('args', [])];
  // Over stdio the client adds `--stdio`, which `newslint lsp` accepts.
  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    // Saved files and unsaved drafts alike.
    documentSelector: ['plaintext', 'markdown', 'html'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
  };
  client = new LanguageClient('newslint', 'newslint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(
      `newslint: could not start \`${command} lsp\` (${err}). Install newslint or set newslint.path.`,
    );
  }
}

/** Stops the server and starts it again with the current settings. */
async function restart(): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop();
  await start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('newslint.restart', restart),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('newslint')) {
        await restart();
      }
    }),
  );
  await start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
