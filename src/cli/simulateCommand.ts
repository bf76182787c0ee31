// `faultline simulate <diagram.json> [--scenario s.json] [--seed N] [--duration S] [--warmup S] [--json]`
import type { Diagram, Scenario } from '../model';
import { baselineScenario, isSource } from '../model';
import { FileError, parseDiagramFile, parseJson } from '../files/diagramFile';
import { newReport } from '../files/restore';
import { restoreScenario } from '../files/restoreScenario';
import { runToJson } from '../sim/serialize';
import { Simulation, simulate, SimInputError } from '../sim/simulate';
import { aggregate, formatEstimate, replicationSeeds } from '../sim/replicate';
import type { Estimate } from '../sim/stats';
import { csv } from './csv';
import { progress } from './progress';
import { defaultThreads, runJobsOnThreads } from './threads';
import { formatTime } from '../sim/timeline';
import type { RecordedRun, SimOptions } from '../sim/types';
import { type Cause, CAUSES } from '../sim/types';
import { count, ms, pct } from '../sim/numbers';
import { table } from './format';
import { readInput, parseCliArgs, UsageError, type CliIo } from './io';
import { SIMULATE_USAGE } from './usage';

/** A number option; its range is the scenario field's, checked with the rest of the scenario. */
function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got "${value}").`);
  return n;
}

/** Loads the diagram: a .faultline.json or bare diagram JSON, strictly (any dropped record is an error). */
export async function loadDiagram(io: CliIo, path: string, readMermaid?: (text: string, path: string) => Promise<Diagram>): Promise<Diagram> {
  const text = readInput(io, path, 'diagram');
  if (readMermaid && /\.(mmd|mermaid|md|markdown)$/i.test(path)) return readMermaid(text, path);
  try {
    const { diagram, report } = parseDiagramFile(text);
    if (report.messages.length > 0) throw new UsageError(`The diagram "${path}" has problems:\n  - ${report.messages.join('\n  - ')}`);
    return diagram;
  } catch (error) {
    if (error instanceof FileError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

export function loadScenario(io: CliIo, path: string): Scenario {
  const raw = parseJsonOrUsage(readInput(io, path, 'scenario'), path);
  const report = newReport();
  const scenario = restoreScenario(raw, report);
  if (!scenario || report.messages.length > 0) throw new UsageError(`The scenario "${path}" has problems:\n  - ${report.messages.join('\n  - ')}`);
  return scenario;
}

export function parseJsonOrUsage(text: string, path: string): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** The scenario a command runs when none is given: the diagram's first, else a quiet baseline. */
export function defaultScenario(diagram: Diagram): Scenario {
  return diagram.scenarios[0] ?? baselineScenario();
}

const countOf = (v: number) => Math.round(v).toLocaleString('en-US');

/** Simulates; inputs the engine refuses become a refusal for people. Options override the scenario. */
export function simulateOrRefuse(diagram: Diagram, scenario: Scenario, options: SimOptions = {}): RecordedRun {
  try {
    return simulate(diagram, scenario, options);
  } catch (error) {
    if (error instanceof SimInputError) throw new UsageError(`Cannot simulate:\n  - ${error.problems.join('\n  - ')}`);
    throw error;
  }
}

export async function simulateCommand(args: string[], io: CliIo, readMermaid?: (text: string, path: string) => Promise<Diagram>): Promise<number> {
  const parsed = parseCliArgs(
    {
      args,
      allowPositionals: true,
      options: {
        scenario: { type: 'string' },
        seed: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        timing: { type: 'boolean', default: false },
        seeds: { type: 'string' },
        threads: { type: 'string' },
      },
    },
    SIMULATE_USAGE,
  );
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) throw new UsageError(`Give exactly one diagram file.\nUsage: ${SIMULATE_USAGE}`);
  const o = parsed.values;
  const seed = number(o.seed, 'seed');
  const duration = number(o.duration, 'duration');
  const warmup = number(o.warmup, 'warmup');
  if (o.json && o.csv) throw new UsageError('Choose --json or --csv, not both.');
  const seeds = wholeOption(o.seeds, 'seeds', 2, 1_000);
  const threads = wholeOption(o.threads, 'threads', 1, 256) ?? defaultThreads();
  if (seeds !== undefined && o.json) throw new UsageError('--json writes one run; with --seeds, use --csv or the table.');
  const diagram = await loadDiagram(io, path, readMermaid);
  const chosen = o.scenario ? loadScenario(io, o.scenario) : defaultScenario(diagram);
  const scenario: Scenario = {
    ...chosen,
    ...(seed !== undefined ? { seed } : {}),
    ...(duration !== undefined ? { durationMs: Math.round(duration * 1000) } : {}),
    ...(warmup !== undefined ? { warmupMs: Math.round(warmup * 1000) } : {}),
  };
  if (seeds !== undefined) return replicateCommand(io, diagram, scenario, seeds, threads, o.csv);
  const run = simulateOrRefuse(diagram, scenario);
  io.out(o.json ? `${runToJson(run, { timing: o.timing })}\n` : o.csv ? summaryCsv(run) : humanSummary(run));
  return 0;
}

/** A whole-number option within a range, or undefined when not given. */
export function wholeOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got "${value}").`);
  return n;
}

/** Checks a scenario the way the engine will, before any thread starts: a refusal, not a crash in a worker. */
export function checkRunnable(diagram: Diagram, scenario: Scenario): void {
  try {
    new Simulation(diagram, scenario);
  } catch (error) {
    if (error instanceof SimInputError) throw new UsageError(`Cannot simulate:\n  - ${error.problems.join('\n  - ')}`);
    throw error;
  }
}

async function replicateCommand(io: CliIo, diagram: Diagram, scenario: Scenario, seeds: number, threads: number, asCsv: boolean): Promise<number> {
  checkRunnable(diagram, scenario);
  const jobs = replicationSeeds(scenario.seed, seeds).map((seed) => ({ diagram, scenario, seed }));
  const bar = progress(io.err, `${seeds} seeds on ${Math.min(threads, seeds)} threads`, seeds);
  const digests = await runJobsOnThreads(jobs, threads, (done) => bar.step(done));
  bar.finish();
  const r = aggregate(digests);
  if (asCsv) {
    const rows: (string | number)[][] = [['part', 'id', 'label', 'figure', 'mean', 'half_95', 'seeds']];
    const add = (part: string, id: string, label: string, figure: string, e: Estimate) => rows.push([part, id, label, figure, e.mean, e.half, e.n]);
    for (const c of r.clients) {
      add('client', c.id, c.label, 'success_ratio', c.successRatio);
      add('client', c.id, c.label, 'mean_ms', c.meanMs);
      add('client', c.id, c.label, 'p50_ms', c.p50Ms);
      add('client', c.id, c.label, 'p99_ms', c.p99Ms);
      add('client', c.id, c.label, 'failures', c.failures);
    }
    for (const n of r.nodes) {
      add('node', n.id, n.label, 'utilisation', n.utilisation);
      add('node', n.id, n.label, 'mean_response_ms', n.meanResponseMs);
      add('node', n.id, n.label, 'mean_queue_wait_ms', n.meanQueueWaitMs);
      add('node', n.id, n.label, 'failed', n.failed);
    }
    io.out(csv(rows));
    return 0;
  }
  const lines = [
    `${diagram.name} / ${scenario.name}: ${seeds} seeds (${r.seeds.join(', ')}), mean ± 95% interval`,
    '',
    'Clients (latency of successful requests)',
  ];
  lines.push(
    table(
      [
        ['client', 'success', 'mean', 'p50', 'p99', 'failed'],
        ...r.clients.map((c) => [
          c.label,
          formatEstimate(c.successRatio, pct),
          formatEstimate(c.meanMs, ms),
          formatEstimate(c.p50Ms, ms),
          formatEstimate(c.p99Ms, ms),
          formatEstimate(c.failures, countOf),
        ]),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  lines.push('', 'Nodes');
  lines.push(
    table(
      [
        ['node', 'utilisation', 'mean resp (ok)', 'mean wait', 'failed'],
        ...r.nodes
          .filter((n) => !diagram.nodes.some((d) => d.id === n.id && isSource(d.kind)))
          .map((n) => [
            n.label,
            formatEstimate(n.utilisation, pct),
            formatEstimate(n.meanResponseMs, ms),
            formatEstimate(n.meanQueueWaitMs, ms),
            formatEstimate(n.failed, countOf),
          ]),
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

/** One run's summary as CSV: one row per figure. */
function summaryCsv(run: RecordedRun): string {
  const rows: (string | number)[][] = [['part', 'id', 'label', 'figure', 'value']];
  for (const c of run.summary.clients) {
    rows.push(['client', c.id, c.label, 'requests', c.requests], ['client', c.id, c.label, 'success_ratio', c.successRatio]);
    for (const k of ['mean', 'p50', 'p95', 'p99'] as const)
      rows.push(['client', c.id, c.label, `${k}_ms`, c.latency[k]], ['client', c.id, c.label, `${k}_ms_all`, c.latencyAll[k]]);
    for (const cause of CAUSES) rows.push(['client', c.id, c.label, `failed_${cause}`, c.failuresByCause?.[cause] ?? '']);
  }
  for (const n of run.summary.nodes) {
    rows.push(
      ['node', n.id, n.label, 'arrivals', n.arrivals],
      ['node', n.id, n.label, 'utilisation', n.utilisation],
      ['node', n.id, n.label, 'mean_response_ms', n.meanResponseMs],
      ['node', n.id, n.label, 'mean_response_ms_all', n.meanResponseAllMs],
      ['node', n.id, n.label, 'mean_queue_wait_ms', n.meanQueueWaitMs],
    );
  }
  return csv(rows);
}

/** "timeout 120, overloaded 4": the causes that failed requests, most first. */
function causeBreakdown(byCause: Record<Cause, number> | null): string {
  if (!byCause) return 'not recorded';
  const parts = CAUSES.filter((c) => byCause[c] > 0)
    .sort((a, b) => byCause[b] - byCause[a])
    .map((c) => `${c} ${count(byCause[c])}`);
  return parts.length ? parts.join(', ') : '-';
}

export function humanSummary(run: RecordedRun): string {
  const s = run.summary;
  const lines: string[] = [];
  lines.push(
    `${run.diagramName} / ${run.scenarioName}: seed ${run.seed}, ${formatTime(run.durationMs)} simulated, summary from ${formatTime(s.fromMs)} (after warm-up)`,
  );
  lines.push('', 'Clients (latency of successful requests; "all" counts failed ones too)');
  lines.push(
    table(
      [
        ['client', 'requests', 'success', 'degraded', 'p50', 'p99', 'mean', 'mean (all)', 'failed by'],
        ...s.clients.map((c) => [
          c.label,
          count(c.requests),
          pct(c.successRatio),
          count(c.degraded),
          ms(c.latency.p50),
          ms(c.latency.p99),
          ms(c.latency.mean),
          ms(c.latencyAll.mean),
          causeBreakdown(c.failuresByCause),
        ]),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  lines.push('', 'Nodes');
  const nodes = s.nodes.filter((n) => !isSource(n.kind));
  lines.push(
    table(
      [
        ['node', 'arrivals', 'failed', 'top cause', 'mean resp (ok)', 'mean resp (all)', 'mean wait', 'util'],
        ...nodes.map((n) => {
          const failed = CAUSES.reduce((sum, c) => sum + n.failures[c], 0);
          const top = CAUSES.filter((c) => n.failures[c] > 0).sort((a, b) => n.failures[b] - n.failures[a])[0] ?? '';
          return [n.label, count(n.arrivals), count(failed), top, ms(n.meanResponseMs), ms(n.meanResponseAllMs), ms(n.meanQueueWaitMs), pct(n.utilisation)];
        }),
      ],
      ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'r'],
    ),
  );
  lines.push('', 'Incident timeline');
  if (run.timeline.length === 0) lines.push('  (no faults, nothing went wrong)');
  for (const e of run.timeline) lines.push(`  ${formatTime(e.t).padStart(8)}  ${e.text}`);
  const rate = run.stats.wallMs > 0 ? (run.stats.events / run.stats.wallMs) * 1000 : 0;
  lines.push(
    '',
    `${count(run.stats.events)} events for ${count(run.stats.requests)} requests in ${Math.round(run.stats.wallMs)} ms (${(rate / 1e6).toFixed(2)} M events/s)`,
  );
  return `${lines.join('\n')}\n`;
}
