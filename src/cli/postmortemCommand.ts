// `faultline postmortem <diagram> [--run run.json] [--scenario s.json] [--seed N] [--fix file] [--out file.md|file.html]`
// A postmortem of a stored run (`--run`, as `simulate --json` writes it) or of a fresh run of the
// scenario, optionally compared with the fix: a stored run of it, or a diagram with the fix in
// place, simulated with the same scenario and seed.
import { dirname, join } from 'node:path';
import type { Diagram } from '../model';
import { FIGURE_DIR, writePostmortem } from '../postmortem/postmortem';
import { RunFormatError, restoreRun } from '../sim/restoreRun';
import type { RecordedRun } from '../sim/types';
import { parseCliArgs, readInput, UsageError, type CliIo } from './io';
import { defaultScenario, loadDiagram, loadScenario, parseJsonOrUsage, simulateOrRefuse } from './simulateCommand';
import { POSTMORTEM_USAGE } from './usage';

type ReadMermaid = (text: string, path: string) => Promise<Diagram>;

function loadRun(io: CliIo, path: string): RecordedRun | null {
  if (!path.endsWith('.json')) return null;
  const raw = parseJsonOrUsage(readInput(io, path, 'run'), path);
  if ((raw as { format?: unknown } | null)?.format !== 'faultline-run') return null;
  try {
    return restoreRun(raw).run;
  } catch (error) {
    if (error instanceof RunFormatError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

export async function postmortemCommand(args: string[], io: CliIo, readMermaid?: ReadMermaid): Promise<number> {
  const parsed = parseCliArgs(
    {
      args,
      allowPositionals: true,
      options: { run: { type: 'string' }, scenario: { type: 'string' }, seed: { type: 'string' }, fix: { type: 'string' }, out: { type: 'string' } },
    },
    POSTMORTEM_USAGE,
  );
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) throw new UsageError(`Give exactly one diagram file.\nUsage: ${POSTMORTEM_USAGE}`);
  const o = parsed.values;
  if (o.run && (o.scenario || o.seed)) throw new UsageError('--run gives a recorded run: --scenario and --seed are for a fresh one.');
  const seed = o.seed === undefined ? undefined : Number(o.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) throw new UsageError(`--seed must be a whole number (got "${o.seed}").`);

  const diagram = await loadDiagram(io, path, readMermaid);
  let run: RecordedRun;
  if (o.run) {
    const stored = loadRun(io, o.run);
    if (!stored) throw new UsageError(`${o.run} is not a recorded run (write one with simulate --json).`);
    run = stored;
  } else {
    const scenario = o.scenario ? loadScenario(io, o.scenario) : defaultScenario(diagram);
    if (scenario.faults.length === 0) io.err('The scenario injects no fault: the postmortem will say nothing broke.\n');
    run = simulateOrRefuse(diagram, scenario, seed === undefined ? {} : { seed });
  }

  let fix: RecordedRun | null = null;
  if (o.fix) {
    fix = loadRun(io, o.fix);
    if (!fix) {
      const fixed = await loadDiagram(io, o.fix, readMermaid);
      const scenario = o.scenario ? loadScenario(io, o.scenario) : (fixed.scenarios.find((s) => s.id === run.scenarioId) ?? defaultScenario(fixed));
      fix = simulateOrRefuse(fixed, scenario, { seed: run.seed });
    }
  }

  const postmortem = writePostmortem(diagram, run, fix);
  if (!o.out) {
    io.out(postmortem.markdown);
    io.err('Figures are written only with --out (beside the Markdown, in figures/).\n');
  } else if (o.out.endsWith('.html')) {
    io.writeFile(o.out, postmortem.html);
    io.err(`Wrote ${o.out}\n`);
  } else {
    io.writeFile(o.out, postmortem.markdown);
    for (const f of postmortem.figures) io.writeFile(join(dirname(o.out), FIGURE_DIR, f.file), f.svg);
    io.err(`Wrote ${o.out} and ${postmortem.figures.length} figures in ${join(dirname(o.out), FIGURE_DIR)}\n`);
  }
  return 0;
}
