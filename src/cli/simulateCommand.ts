// `faultline simulate <diagram.json> [--scenario s.json] [--seed N] [--duration S] [--warmup S] [--json]`
import type { Diagram, Scenario } from '../model';
import { baselineScenario, isSource } from '../model';
import { FileError, parseDiagramFile, parseJson } from '../files/diagramFile';
import { newReport } from '../files/restore';
import { restoreScenario } from '../files/restoreScenario';
import { runToJson } from '../sim/serialize';
import { simulate, SimInputError } from '../sim/simulate';
import { formatTime } from '../sim/timeline';
import type { RecordedRun, SimOptions } from '../sim/types';
import { type Cause, CAUSES } from '../sim/types';
import { count, ms, pct } from '../sim/numbers';
import { table } from './format';
import { readInput, parseCliArgs, UsageError, type CliIo } from './io';

export const SIMULATE_USAGE =
  'npm run cli -- simulate <diagram.json|diagram.mmd> [--scenario <scenario.json>] [--seed N] [--duration S] [--warmup S] [--json] [--timing]';

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
        timing: { type: 'boolean', default: false },
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
  const diagram = await loadDiagram(io, path, readMermaid);
  const scenario = o.scenario ? loadScenario(io, o.scenario) : defaultScenario(diagram);
  const run = simulateOrRefuse(diagram, scenario, {
    ...(seed !== undefined ? { seed } : {}),
    ...(duration !== undefined ? { durationMs: Math.round(duration * 1000) } : {}),
    ...(warmup !== undefined ? { warmupMs: Math.round(warmup * 1000) } : {}),
  });
  io.out(o.json ? `${runToJson(run, { timing: o.timing })}\n` : humanSummary(run));
  return 0;
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
