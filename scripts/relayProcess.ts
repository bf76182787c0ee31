// The real relay (relay.mjs, @y/websocket-server) as a child process on a free localhost
// port, with its traffic recorded, for tests and benchmarks. `restart` brings it back on the
// same port with no memory of the rooms, as after a crash.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), 'relay.mjs');

export interface Relay {
  url: string;
  port: number;
  /** The relay's resident memory now, in MB (Linux). */
  rssMb(): number;
  /** Every message the relay received or sent so far, decoded as Latin-1 for searching. */
  traffic(): string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

function launch(port: number, record: string | null): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((done, fail) => {
    const args = [SCRIPT, '--port', String(port), '--host', '127.0.0.1', ...(record ? ['--record', record] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => fail(new Error(`relay did not start: ${out}`)), 10_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ child, port: Number(m[1]) });
      }
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/listening/.test(out)) fail(new Error(`relay exited with ${code}: ${out}`));
    });
  });
}

export async function startRelay(options: { record?: boolean } = {}): Promise<Relay> {
  const record = options.record === false ? null : join(mkdtempSync(join(tmpdir(), 'faultline-relay-')), 'traffic.log');
  let { child, port } = await launch(0, record);
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  return {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    traffic: () =>
      record && existsSync(record)
        ? readFileSync(record, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => Buffer.from(line.slice(line.indexOf(' ') + 1), 'base64').toString('latin1'))
            .join('\n')
        : '',
    stop,
    restart: async () => {
      await stop();
      ({ child } = await launch(port, record));
    },
  };
}
