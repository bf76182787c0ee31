// `faultline sweep <diagram> --load <client> --from R --to R [--steps K] ...`: a load sweep with
// its knee, a parameter sweep, or a hysteresis climb, from the command line; each point
// replicated over seeds on every core. Prints a table, or CSV with --csv.
import type { Diagram, Scenario } from '../model';
import { isSource } from '../model';
import { ms, pct } from '../sim/numbers';
import { digestRun, formatEstimate } from '../sim/replicate';
import { analyseHysteresis, findKnee, KNEE_RULE, planHysteresis, planLoadSweep, planParameterSweep, SweepError, sweepPoints } from '../sim/sweep';
import { csv } from './csv';
import { table } from './format';
import { parseCliArgs, UsageError, type CliIo } from './io';
import { progress } from './progress';
import { checkRunnable, defaultScenario, loadDiagram, loadScenario, simulateOrRefuse, wholeOption } from './simulateCommand';
import { defaultThreads, runJobsOnThreads } from './threads';
import { SWEEP_USAGE } from './usage';

type ReadMermaid = (text: string, path: string) => Promise<Diagram>;

function rate(value: string | undefined, name: string): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n))
    throw new UsageError(`--${name} must be a number of requests a second.\nUsage: ${SWEEP_USAGE}`);
  return n;
}

function clientOf(d: Diagram, name: string): string {
  const found = d.nodes.find((n) => n.id === name) ?? d.nodes.find((n) => n.label === name);
  if (!found) throw new UsageError(`There is no "${name}" in the diagram (give a client's id or label).`);
  return found.id;
}

export async function sweepCommand(args: string[], io: CliIo, readMermaid?: ReadMermaid): Promise<number> {
  const parsed = parseCliArgs(
    {
      args,
      allowPositionals: true,
      options: {
        load: { type: 'string' },
        parameter: { type: 'string' },
        hysteresis: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        base: { type: 'string' },
        peak: { type: 'string' },
        values: { type: 'string' },
        steps: { type: 'string' },
        hold: { type: 'string' },
        seeds: { type: 'string' },
        threads: { type: 'string' },
        scenario: { type: 'string' },
        csv: { type: 'boolean', default: false },
      },
    },
    SWEEP_USAGE,
  );
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) throw new UsageError(`Give exactly one diagram file.\nUsage: ${SWEEP_USAGE}`);
  const o = parsed.values;
  const kinds = [o.load, o.parameter, o.hysteresis].filter((x) => x !== undefined).length;
  if (kinds !== 1) throw new UsageError(`Choose one of --load, --parameter or --hysteresis.\nUsage: ${SWEEP_USAGE}`);
  const seeds = wholeOption(o.seeds, 'seeds', 1, 1_000) ?? 3;
  const threads = wholeOption(o.threads, 'threads', 1, 256) ?? defaultThreads();
  const diagram = await loadDiagram(io, path, readMermaid);
  const scenario: Scenario = o.scenario ? loadScenario(io, o.scenario) : defaultScenario(diagram);
  checkRunnable(diagram, scenario);
  try {
    if (o.hysteresis !== undefined) return hysteresis(io, diagram, scenario, clientOf(diagram, o.hysteresis), o, o.csv);
    const steps = wholeOption(o.steps, 'steps', 2, 50) ?? 6;
    const plan =
      o.load !== undefined
        ? planLoadSweep(diagram, scenario, { clientId: clientOf(diagram, o.load), fromRps: rate(o.from, 'from'), toRps: rate(o.to, 'to'), steps, seeds })
        : parameterPlan(diagram, scenario, o.parameter!, o.values, seeds);
    const clientId = o.load !== undefined ? clientOf(diagram, o.load) : (diagram.nodes.find((n) => isSource(n.kind))?.id ?? '');
    const bar = progress(io.err, `${plan.xs.length} points × ${seeds} seeds`, plan.runs.length);
    const digests = await runJobsOnThreads(plan.runs, threads, (done) => bar.step(done));
    bar.finish();
    const points = sweepPoints(
      plan.xs,
      plan.runs.map((r, i) => ({ point: r.point, digest: digests[i] })),
      clientId,
    );
    const knee = findKnee(points);
    const axis = o.load !== undefined ? 'load_rps' : o.parameter!;
    if (o.csv) {
      io.out(
        csv([
          [axis, 'success_mean', 'success_half_95', 'p99_ms_mean', 'p99_ms_half_95', 'mean_ms_mean', 'mean_ms_half_95', 'goodput_rps_mean', 'seeds'],
          ...points.map((p) => [p.x, p.success.mean, p.success.half, p.p99Ms.mean, p.p99Ms.half, p.meanMs.mean, p.meanMs.half, p.goodput.mean, p.success.n]),
        ]),
      );
      return 0;
    }
    io.out(
      `${table(
        [
          [axis, 'success', 'p99', 'mean', 'goodput'],
          ...points.map((p) => [
            p.x.toLocaleString('en-US', { maximumFractionDigits: 2 }),
            formatEstimate(p.success, pct),
            formatEstimate(p.p99Ms, ms),
            formatEstimate(p.meanMs, ms),
            `${Math.round(p.goodput.mean).toLocaleString('en-US')}/s`,
          ]),
        ],
        ['r', 'r', 'r', 'r', 'r'],
      )}\n`,
    );
    io.out(
      knee === null
        ? `No knee within the range swept (${KNEE_RULE}).\n`
        : `Knee between ${knee.between.map((x) => Math.round(x).toLocaleString('en-US')).join(' and ')} (about ${Math.round(knee.at).toLocaleString('en-US')}): past it, ${KNEE_RULE}.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SweepError) throw new UsageError(error.message);
    throw error;
  }
}

function parameterPlan(d: Diagram, scenario: Scenario, spec: string, values: string | undefined, seeds: number) {
  const dot = spec.lastIndexOf('.');
  if (dot <= 0) throw new UsageError(`--parameter takes <node-or-edge>.<setting>, as api.replicas or api->db.timeoutMs.\nUsage: ${SWEEP_USAGE}`);
  const part = spec.slice(0, dot);
  const field = spec.slice(dot + 1);
  const list = (values ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map(Number);
  if (list.length < 2 || list.some((v) => !Number.isFinite(v))) throw new UsageError(`--values takes two or more numbers, as 1,2,4,8.\nUsage: ${SWEEP_USAGE}`);
  const node = d.nodes.find((n) => n.id === part || n.label === part);
  const edge = d.edges.find((e) => e.id === part || `${e.source}->${e.target}` === part);
  if (!node && !edge) throw new UsageError(`There is no node or connection "${part}" in the diagram.`);
  return planParameterSweep(d, scenario, { target: node ? { type: 'node', id: node.id } : { type: 'edge', id: edge!.id }, field, values: list, seeds });
}

function hysteresis(io: CliIo, d: Diagram, scenario: Scenario, clientId: string, o: Record<string, string | boolean | undefined>, asCsv: boolean): number {
  const hold = o.hold === undefined ? 10 : Number(o.hold);
  if (!Number.isFinite(hold)) throw new UsageError('--hold must be a number of seconds.');
  const spec = {
    clientId,
    baseRps: rate(o.base as string | undefined, 'base'),
    peakRps: rate(o.peak as string | undefined, 'peak'),
    steps: wholeOption(o.steps as string | undefined, 'steps', 2, 20) ?? 3,
    stepMs: Math.round(hold * 1000),
  };
  const plan = planHysteresis(d, scenario, spec);
  const run = simulateOrRefuse(d, plan.scenario);
  const clientIndex = Math.max(
    0,
    run.summary.clients.findIndex((c) => c.id === clientId),
  );
  const result = analyseHysteresis(plan.loads, spec.stepMs, digestRun(run), clientIndex);
  if (asCsv) {
    io.out(csv([['step', 'direction', 'load_rps', 'success', 'p99_ms'], ...result.steps.map((s, i) => [i, s.direction, s.load, s.success, s.p99Ms])]));
    return 0;
  }
  io.out(
    `${table(
      [
        ['load', 'direction', 'success', 'p99'],
        ...result.steps.map((s) => [`${Math.round(s.load).toLocaleString('en-US')}/s`, s.direction, pct(s.success), ms(s.p99Ms)]),
      ],
      ['r', 'l', 'r', 'r'],
    )}\n${result.verdict}\n`,
  );
  return 0;
}
