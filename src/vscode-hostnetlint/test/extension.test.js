'use strict';
// Runs with Node's own test runner and no npm install: `vscode` and `vscode-languageclient/node` are stand-ins that
// record what the extension asks for; the stand-in client really starts the server command over stdio and completes
// an LSP initialize handshake with it. HOSTNETLINT_TEST_SERVER names the executable (a script running the JIT build).
const test = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');
const path = require('node:path');
const { spawn } = require('node:child_process');

const created = [];

class StandInClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions });
    created.push(this);
  }

  start() {
    return new Promise((resolve, reject) => {
      const server = spawn(this.serverOptions.command, this.serverOptions.args, { stdio: ['pipe', 'pipe', 'inherit'] });
      this.server = server;
      let buffer = Buffer.alloc(0);
      server.stdout.on('data', (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))[1]);
        if (buffer.length < end + 4 + length) return;
        this.initializeResult = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')).result;
        resolve();
      });
      server.on('error', reject);
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  stop() {
    return new Promise((resolve) => {
      const send = (message) => {
        const body = JSON.stringify(message);
        this.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      };
      this.server.on('exit', (code) => { this.exitCode = code; resolve(); });
      send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
      send({ jsonrpc: '2.0', method: 'exit' });
    });
  }
}

const settings = { path: process.env.HOSTNETLINT_TEST_SERVER };
const standIns = {
  vscode: { workspace: { getConfiguration: (section) => ({ get: (key) => (section === 'hostnetlint' ? settings[key] : undefined) }) } },
  'vscode-languageclient/node': { LanguageClient: StandInClient },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  return Object.prototype.hasOwnProperty.call(standIns, request) ? standIns[request] : load.call(this, request, parent, isMain);
};

const extension = require('../extension.js');
const manifest = require('../package.json');

test('the manifest starts extension.js for YAML, compose and unit files and depends on vscode-languageclient', () => {
  assert.strictEqual(manifest.main, './extension.js');
  assert.ok(manifest.activationEvents.includes('onLanguage:yaml'));
  assert.ok(manifest.activationEvents.includes('workspaceContains:**/hostnetlint.yaml'));
  assert.ok(manifest.dependencies['vscode-languageclient']);
  assert.strictEqual(manifest.contributes.configuration.properties['hostnetlint.path'].default, 'hostnetlint');
});

test('documents are selected by language for YAML and by pattern for units, quadlets, drop-ins and env files', () => {
  const patterns = extension.documentSelector.map((s) => s.pattern || s.language);
  assert.deepStrictEqual(patterns, [
    'yaml',
    'dockercompose',
    '**/*.{service,container,pod,kube,network,volume,image,build}',
    '**/*.{service,container,pod,kube,network,volume,image,build}.d/*.conf',
    '**/{.env,*.env}',
  ]);
  assert.ok(extension.documentSelector.every((s) => s.scheme === 'file'), 'the server lints files on disk');
  assert.deepStrictEqual(extension.serverOptions({ get: () => undefined }), { command: 'hostnetlint', args: ['lsp'] });
});

test('activation starts the configured hostnetlint with lsp, which answers initialize', { skip: !process.env.HOSTNETLINT_TEST_SERVER && 'HOSTNETLINT_TEST_SERVER is not set' }, async () => {
  const subscriptions = [];
  await extension.activate({ subscriptions });
  const client = created.at(-1);
  assert.strictEqual(client.id, 'hostnetlint');
  assert.deepStrictEqual(client.serverOptions, { command: process.env.HOSTNETLINT_TEST_SERVER, args: ['lsp'] });
  assert.strictEqual(client.initializeResult.serverInfo.name, 'hostnetlint');
  assert.strictEqual(client.initializeResult.capabilities.hoverProvider, true);
  await extension.deactivate();
  assert.strictEqual(client.exitCode, 0, 'shutdown then exit');
  assert.strictEqual(subscriptions.length, 1);
});
