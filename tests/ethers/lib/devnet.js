// Starts a real `aro-node devnet` process on a free port and tears it down again.
// The node prints its RPC endpoint and the devnet keys; both are read from its output, so the
// test also checks what a developer sees when running `./aro devnet`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const configuration = process.env.ARO_CONFIGURATION ?? 'Release';

export function nodeBinary() {
  const path = process.env.ARO_NODE ?? join(repositoryRoot, 'node', 'Aro.Node', 'bin', configuration, 'net10.0', 'aro-node');
  if (!existsSync(path)) {
    throw new Error(`aro-node is not built at ${path}: run ./aro setup first (or set ARO_NODE)`);
  }
  return path;
}

const rpcLine = /RPC listening on (http:\/\/[^\s]+)/;
const wsLine = /(ws:\/\/127\.0\.0\.1:\d+\/?)/;
const keyLine = /(0x[0-9a-fA-F]{40})\s+(0x[0-9a-fA-F]{64})/;

export async function startDevnet({ blockInterval = '200ms', startupTimeoutMs = 30_000 } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'aro-ethers-'));
  const child = spawn(nodeBinary(), ['devnet', '--home', home, '--rpc-port', '0', '--block-interval', blockInterval], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const devAccounts = [];
  let rpcUrl;
  let wsUrl;

  await new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => rejectStart(new Error(`devnet did not report its RPC endpoint within ${startupTimeoutMs} ms:\n${output}`)), startupTimeoutMs);
    const onData = (chunk) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const key = keyLine.exec(line);
        if (key && !devAccounts.some((a) => a.address === key[1])) devAccounts.push({ address: key[1], privateKey: key[2] });
        const ws = wsLine.exec(line);
        if (ws) wsUrl = ws[1];
        const rpc = rpcLine.exec(line);
        if (rpc) rpcUrl = rpc[1];
      }
      if (rpcUrl) {
        clearTimeout(timer);
        resolveStart();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectStart(new Error(`aro-node devnet exited with ${code} before serving RPC:\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    }
    rmSync(home, { recursive: true, force: true });
  };

  return { rpcUrl, wsUrl: wsUrl ?? rpcUrl.replace(/^http/, 'ws'), devAccounts, output: () => output, stop, process: child };
}
