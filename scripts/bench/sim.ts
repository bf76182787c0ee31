// Simulator benchmark: events per second for a client -> single-server chain and for a 30-node
// microservice graph with retries and breakers, and the heap of a 10-million-request run. Each
// workload runs in its own Node process, bundled by esbuild as the browser worker is by Vite.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { median } from './browser';

const BUNDLE = 'dist-bench/sim-workload.mjs';
const RUNS = 3;

interface Result {
  events: number;
  requests: number;
  wallMs: number;
  peakHeapMb: number;
}

function workload(name: string): Result {
  const out = execFileSync('node', [BUNDLE, name], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function rate(r: Result): number {
  return r.events / (r.wallMs / 1000);
}

export async function runSimBench(): Promise<Record<string, string | number>> {
  mkdirSync('dist-bench', { recursive: true });
  execFileSync(
    'npx',
    ['esbuild', 'scripts/bench/simWorkload.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${BUNDLE}`, '--log-level=warning'],
    { stdio: 'inherit' },
  );
  const chain = Array.from({ length: RUNS }, () => workload('chain'));
  const micro = Array.from({ length: RUNS }, () => workload('micro'));
  const ten = workload('ten-million');
  const m = (xs: Result[]) => median(xs.map(rate));
  return {
    '(a) chain': 'client (1,000 req/s, Poisson) -> one server (4 slots, exponential 2 ms); 1,500 s simulated, 1.5 M requests',
    '(a) events per second, median of 3 (goal >= 5 M)': `${(m(chain) / 1e6).toFixed(2)} M (runs: ${chain.map((r) => (rate(r) / 1e6).toFixed(2)).join(', ')})`,
    '(b) microservices':
      '30 nodes (gateway, 8 services with caches, 4 databases, auth, Kafka-style stream with 2 consumer groups, search, payment provider), 3,000 req/s, retries with backoff and breakers on data calls; scenario "db-2 slows down 20 s, payments fail 20% for 15 s", 300 s simulated',
    '(b) events per second, median of 3 (goal >= 2 M)': `${(m(micro) / 1e6).toFixed(2)} M (runs: ${micro.map((r) => (rate(r) / 1e6).toFixed(2)).join(', ')})`,
    '(c) 10 M requests': `chain at 2,000 req/s for 5,000 s: ${ten.requests.toLocaleString('en-US')} requests, ${(ten.events / 1e6).toFixed(1)} M events in ${(ten.wallMs / 1000).toFixed(1)} s`,
    '(c) peak heap (goal < 200 MB)': `${ten.peakHeapMb.toFixed(0)} MB`,
  };
}
