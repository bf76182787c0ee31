// Simulator benchmark: events per second for a client -> single-server chain and for a 30-node
// microservice graph with retries and breakers, and the heap of a 10-million-request run. Each
// workload runs in its own Node process, bundled by esbuild as the browser worker is by Vite.
// The same workloads also run on a reference engine (the engine as it stood at REFERENCE,
// extracted from git and bundled the same way), alternating with today's, so a ratio between
// the two is measured on the same machine in the same minutes.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
  gcMs: number;
}

/** Wall time of a command, median of `n` runs, in ms. */
function timed(command: string, args: string[], n = 5): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    execFileSync(command, args, { stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The CLI's figures: start-up against bare Node, a 1 s simulation, and 10 replications on every core against one run. */
function cliFigures(): Record<string, string> {
  execFileSync('node', ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  const micro = 'dist-bench/micro.faultline.json';
  execFileSync('npx', [
    'tsx',
    '-e',
    `import { writeFileSync } from 'node:fs'; import { serializeDiagramFile } from './src/files/diagramFile'; import { microservices30 } from './scripts/bench/generate'; writeFileSync('${micro}', serializeDiagramFile(microservices30()));`,
  ]);
  const node0 = timed('node', ['-e', '0'], 7);
  const help = timed('node', ['dist-cli/main.mjs', '--help'], 7);
  const oneSecond = timed('node', ['dist-cli/main.mjs', 'simulate', 'tests/fixtures/cli/checkout.faultline.json', '--duration', '1', '--warmup', '0']);
  const cores = availableParallelism();
  const oneRun = timed('node', ['dist-cli/main.mjs', 'simulate', micro, '--duration', '60', '--warmup', '5'], 3);
  const ten = timed('node', ['dist-cli/main.mjs', 'simulate', micro, '--duration', '60', '--warmup', '5', '--seeds', '10'], 3);
  const goal = 1.3 * (10 / cores);
  return {
    'CLI start-up': `\`faultline --help\` ${help.toFixed(0)} ms / \`node -e 0\` ${node0.toFixed(0)} ms = **${(help / node0).toFixed(2)}** (goal <= 1.5; median of 7)`,
    'CLI 1 s simulation (checkout, 200 req/s)': `**${(oneSecond / 1000).toFixed(2)} s** wall, start to exit (goal <= 0.5 s; median of 5)`,
    'replications (30-node system, 60 s simulated)': `10 seeds on ${cores} cores ${(ten / 1000).toFixed(1)} s / one run ${(oneRun / 1000).toFixed(1)} s = **${(ten / oneRun).toFixed(2)}** (goal <= 1.3 × 10 / ${cores} = ${goal.toFixed(2)}; median of 3, each from the command line)`,
  };
}

function bundle(entry: string, outfile: string): void {
  execFileSync('npx', ['esbuild', entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${outfile}`, '--log-level=warning'], { stdio: 'inherit' });
}

/** Today's workload script, bundled against the reference commit's src/ (null without git history). */
function buildReference(): boolean {
  rmSync(REFERENCE_DIR, { recursive: true, force: true });
  mkdirSync(REFERENCE_DIR, { recursive: true });
  try {
    execFileSync('bash', ['-c', `git archive ${REFERENCE} src | tar -x -C ${REFERENCE_DIR}`], { stdio: 'pipe' });
  } catch {
    return false;
  }
  // Today's workload (the same inputs, and its GC measure) over the reference's engine.
  mkdirSync(`${REFERENCE_DIR}/scripts/bench`, { recursive: true });
  for (const f of ['simWorkload.ts', 'bareLoop.ts', 'generate.ts']) copyFileSync(`scripts/bench/${f}`, `${REFERENCE_DIR}/scripts/bench/${f}`);
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
  const runs = { chain: [] as Result[], bare: [] as Result[], micro: [] as Result[], refChain: [] as Result[], refMicro: [] as Result[] };
  // Alternate today's engine, the bare loop and the reference so a slow minute on a shared machine hits all.
  for (let i = 0; i < RUNS; i++) {
    runs.bare.push(workload(BUNDLE, 'bare-chain'));
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
  // Both do the same 1.5 M requests' four events each: the ratio of their wall times.
  const vsBare = runs.chain.map((r, i) => runs.bare[i].wallMs / r.wallMs);
  const gcShare = runs.chain.map((r) => r.gcMs / r.wallMs);
  return {
    '(a) chain': 'client (1,000 req/s, Poisson) -> one server (4 slots, exponential 2 ms); 1,500 s simulated, 1.5 M requests',
    '(a) engine / bare heap loop, same 4 events per request (scripts/bench/bareLoop.ts), same runs interleaved': `**${median(vsBare).toFixed(2)}** (runs: ${vsBare.map((x) => x.toFixed(2)).join(', ')}; bare loop ${median(runs.bare.map((r) => r.wallMs)).toFixed(0)} ms, engine ${median(runs.chain.map((r) => r.wallMs)).toFixed(0)} ms) (goal >= 0.7)`,
    '(a) garbage collection, share of the run': `**${(median(gcShare) * 100).toFixed(1)}%** (runs: ${gcShare.map((x) => `${(x * 100).toFixed(1)}%`).join(', ')}; the bare loop's own: ${(median(runs.bare.map((r) => r.gcMs / r.wallMs)) * 100).toFixed(1)}%${
      reference ? `; the reference engine's: ${(median(runs.refChain.map((r) => r.gcMs / r.wallMs)) * 100).toFixed(1)}%` : ''
    }) (goal <= 5%)`,
    '(a) events per second, median of 3 (goal >= 5 M)': `${millions(m(runs.chain))} (runs: ${list(runs.chain)})`,
    [`(a) reference engine (${REFERENCE}), same runs interleaved`]: versus(runs.chain, runs.refChain),
    '(b) microservices':
      '30 nodes (gateway, 8 services with caches, 4 databases, auth, Kafka-style stream with 2 consumer groups, search, payment provider), 3,000 req/s, retries with backoff and breakers on data calls; scenario "db-2 slows down 20 s, payments fail 20% for 15 s", 300 s simulated',
    '(b) events per second, median of 3 (goal >= 2 M)': `${millions(m(runs.micro))} (runs: ${list(runs.micro)})`,
    [`(b) reference engine (${REFERENCE}), same runs interleaved`]: versus(runs.micro, runs.refMicro),
    '(c) 10 M requests': `chain at 2,000 req/s for 5,000 s: ${ten.requests.toLocaleString('en-US')} requests, ${(ten.events / 1e6).toFixed(1)} M events in ${(ten.wallMs / 1000).toFixed(1)} s`,
    '(c) peak heap (goal < 200 MB)': `${ten.peakHeapMb.toFixed(0)} MB`,
    ...cliFigures(),
  };
}
