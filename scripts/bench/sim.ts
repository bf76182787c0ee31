// Simulator benchmark: events per second for a client -> single-server chain and for a 30-node
// microservice graph with retries and breakers, and the heap of a 10-million-request run. Each
// workload runs in its own Node process, bundled by esbuild as the browser worker is by Vite.
// The same workloads also run on a reference engine (the engine as it stood at REFERENCE,
// extracted from git and bundled the same way), alternating with today's, so a ratio between
// the two is measured on the same machine in the same minutes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { median } from './browser';

/** The engine before the Editor-core wave (stop 9). */
export const REFERENCE = '8ac81d2';
const BUNDLE = 'dist-bench/sim-workload.mjs';
const REFERENCE_DIR = 'dist-bench/reference';
const REFERENCE_BUNDLE = `${REFERENCE_DIR}/sim-workload.mjs`;
const RUNS = 3;

interface Result {
  events: number;
  requests: number;
  wallMs: number;
  peakHeapMb: number;
}

function bundle(entry: string, outfile: string): void {
  execFileSync('npx', ['esbuild', entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${outfile}`, '--log-level=warning'], { stdio: 'inherit' });
}

/** Today's workload script, bundled against the reference commit's src/ (null without git history). */
function buildReference(): boolean {
  rmSync(REFERENCE_DIR, { recursive: true, force: true });
  mkdirSync(REFERENCE_DIR, { recursive: true });
  try {
    execFileSync('bash', ['-c', `git archive ${REFERENCE} src scripts/bench/generate.ts scripts/bench/simWorkload.ts | tar -x -C ${REFERENCE_DIR}`], {
      stdio: 'pipe',
    });
  } catch {
    return false;
  }
  bundle(`${REFERENCE_DIR}/scripts/bench/simWorkload.ts`, REFERENCE_BUNDLE);
  return existsSync(REFERENCE_BUNDLE);
}

function workload(file: string, name: string): Result {
  const out = execFileSync('node', [file, name], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function rate(r: Result): number {
  return r.events / (r.wallMs / 1000);
}

const millions = (x: number) => `${(x / 1e6).toFixed(2)} M`;

export async function runSimBench(): Promise<Record<string, string | number>> {
  mkdirSync('dist-bench', { recursive: true });
  bundle('scripts/bench/simWorkload.ts', BUNDLE);
  const reference = buildReference();
  const runs = { chain: [] as Result[], micro: [] as Result[], refChain: [] as Result[], refMicro: [] as Result[] };
  // Alternate today's engine and the reference so a slow minute on a shared machine hits both.
  for (let i = 0; i < RUNS; i++) {
    runs.chain.push(workload(BUNDLE, 'chain'));
    if (reference) runs.refChain.push(workload(REFERENCE_BUNDLE, 'chain'));
    runs.micro.push(workload(BUNDLE, 'micro'));
    if (reference) runs.refMicro.push(workload(REFERENCE_BUNDLE, 'micro'));
  }
  const ten = workload(BUNDLE, 'ten-million');
  const m = (xs: Result[]) => median(xs.map(rate));
  const list = (xs: Result[]) => xs.map((r) => (rate(r) / 1e6).toFixed(2)).join(', ');
  const versus = (today: Result[], ref: Result[]) =>
    reference ? `${millions(m(ref))} (runs: ${list(ref)}); today / reference = **${(m(today) / m(ref)).toFixed(2)}**` : 'no git history here: not measured';
  return {
    '(a) chain': 'client (1,000 req/s, Poisson) -> one server (4 slots, exponential 2 ms); 1,500 s simulated, 1.5 M requests',
    '(a) events per second, median of 3 (goal >= 5 M)': `${millions(m(runs.chain))} (runs: ${list(runs.chain)})`,
    [`(a) reference engine (${REFERENCE}), same runs interleaved`]: versus(runs.chain, runs.refChain),
    '(b) microservices':
      '30 nodes (gateway, 8 services with caches, 4 databases, auth, Kafka-style stream with 2 consumer groups, search, payment provider), 3,000 req/s, retries with backoff and breakers on data calls; scenario "db-2 slows down 20 s, payments fail 20% for 15 s", 300 s simulated',
    '(b) events per second, median of 3 (goal >= 2 M)': `${millions(m(runs.micro))} (runs: ${list(runs.micro)})`,
    [`(b) reference engine (${REFERENCE}), same runs interleaved`]: versus(runs.micro, runs.refMicro),
    '(c) 10 M requests': `chain at 2,000 req/s for 5,000 s: ${ten.requests.toLocaleString('en-US')} requests, ${(ten.events / 1e6).toFixed(1)} M events in ${(ten.wallMs / 1000).toFixed(1)} s`,
    '(c) peak heap (goal < 200 MB)': `${ten.peakHeapMb.toFixed(0)} MB`,
  };
}
