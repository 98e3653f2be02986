'use strict';
// HostNetLint for VS Code: starts `hostnetlint lsp` and hands it the documents HostNetLint reads. Everything else
// (diagnostics, quick fixes, fix-all on save through source.fixAll, hover, file watching) is the language server's.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/**
 * Compose files (any YAML: the server lints only YAML with compose's names or a top-level `services:`), systemd
 * units, Podman quadlets and their drop-ins, env files, and hostnetlint.yaml. Unit files have no language in a plain
 * VS Code, so they are selected by pattern.
 */
const documentSelector = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', pattern: '**/*.{service,container,pod,kube,network,volume,image,build}' },
  { scheme: 'file', pattern: '**/*.{service,container,pod,kube,network,volume,image,build}.d/*.conf' },
  { scheme: 'file', pattern: '**/{.env,*.env}' },
];

/** The server command: the configured executable with `lsp` (stdio is its only transport). */
function serverOptions(configuration) {
  const command = configuration.get('path') || 'hostnetlint';
  return { command, args: ['lsp'] };
}

let client;

async function activate(context) {
  const configuration = vscode.workspace.getConfiguration('hostnetlint');
  client = new LanguageClient('hostnetlint', 'HostNetLint', serverOptions(configuration), { documentSelector });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, documentSelector, serverOptions };
