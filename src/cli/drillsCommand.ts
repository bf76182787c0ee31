// `faultline drills [template.md ...] [--seeds N]`: runs every drill of the question bank (or of
// the files given) and says, outcome by outcome, whether each shows what it claims. With --seeds,
// each drill and its fix run over N seeds on every core, and each outcome says in how many it
// held; a drill whose outcome holds in under 95% of them is marked seed-sensitive.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { layoutDiagram } from '../layout/layoutDiagram';
import { createNodeElk } from '../layout/nodeElk';
import type { Diagram } from '../model';
import { replicationSeeds } from '../sim/replicate';
import { drillScenarioId, patched } from '../templates/applyDrill';
import { parseTemplate } from '../templates/parseTemplate';
import { nodeLabels, runDrills } from '../templates/runDrill';
import { templateDiagram } from '../templates/templateDiagram';
import type { Drill, Expectation, QuestionTemplate } from '../templates/types';
import { parseCliArgs, readInput, type CliIo } from './io';
import { installMermaidDom } from './nodeDom';
import { progress } from './progress';
import { wholeOption } from './simulateCommand';
import { defaultThreads, runJobsOnThreads } from './threads';
import { DRILLS_USAGE } from './usage';

export function templateFiles(dir = 'templates'): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f));
}

/** Held in fewer than this share of seeds, an outcome cannot be relied on: the drill is seed-sensitive. */
const RELIABLE = 0.95;

export async function drillsCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs({ args, allowPositionals: true, options: { seeds: { type: 'string' }, threads: { type: 'string' } } }, DRILLS_USAGE);
  const seeds = wholeOption(parsed.values.seeds, 'seeds', 2, 1_000);
  const threads = wholeOption(parsed.values.threads, 'threads', 1, 256) ?? defaultThreads();
  installMermaidDom();
  const files = parsed.positionals.length > 0 ? parsed.positionals : templateFiles();
  const templates = files.map((path) => ({ path, template: parseTemplate(readInput(io, path, 'template')) }));
  return seeds === undefined ? onceEach(io, templates) : overSeeds(io, templates, seeds, threads);
}

async function onceEach(io: CliIo, templates: { path: string; template: QuestionTemplate }[]): Promise<number> {
  const elk = createNodeElk();
  let failed = 0;
  for (const { path, template } of templates) {
    io.out(`${template.title} (${path})\n`);
    for (const r of await runDrills(template, (d) => layoutDiagram(d, elk))) {
      const ok = r.checks.every((c) => c.met) && (r.fixed?.checks.every((c) => c.met) ?? true);
      if (!ok) failed++;
      io.out(`  ${ok ? 'ok  ' : 'FAIL'} ${r.drill.title}\n`);
      for (const c of r.checks) io.out(`       ${c.met ? '✓' : '✗'} ${c.text}\n`);
      if (r.fixed) {
        io.out(`       with the fix (${r.drill.fix!.title}):\n`);
        for (const c of r.fixed.checks) io.out(`       ${c.met ? '✓' : '✗'} ${c.text}\n`);
      }
    }
  }
  io.out(failed === 0 ? 'Every drill shows what it says.\n' : `${failed} drill(s) do not show what they say.\n`);
  return failed === 0 ? 0 : 1;
}

interface Variant {
  drill: Drill;
  label: (id: string) => string;
  fix: boolean;
  expect: readonly Expectation[];
  diagram: Diagram;
}

async function overSeeds(io: CliIo, templates: { path: string; template: QuestionTemplate }[], seeds: number, threads: number): Promise<number> {
  const elk = createNodeElk();
  const variants: { template: QuestionTemplate; path: string; variant: Variant }[] = [];
  for (const { path, template } of templates) {
    const diagrams = new Map<number, Diagram>();
    for (const drill of template.drills) {
      if (!diagrams.has(drill.diagram)) diagrams.set(drill.diagram, await templateDiagram(template, drill.diagram, (d) => layoutDiagram(d, elk)));
      const d = diagrams.get(drill.diagram)!;
      const label = nodeLabels(d);
      variants.push({ template, path, variant: { drill, label, fix: false, expect: drill.expect, diagram: d } });
      if (drill.fix) variants.push({ template, path, variant: { drill, label, fix: true, expect: drill.fix.expect, diagram: patched(d, drill.fix.patch) } });
    }
  }
  const jobs = variants.flatMap(({ variant }) => {
    const scenario = variant.diagram.scenarios.find((s) => s.id === drillScenarioId(variant.drill))!;
    return replicationSeeds(scenario.seed, seeds).map((seed) => ({ diagram: variant.diagram, scenario, seed, expect: variant.expect }));
  });
  const bar = progress(io.err, `${variants.length} drills and fixes × ${seeds} seeds`, jobs.length);
  const digests = await runJobsOnThreads(jobs, threads, (done) => bar.step(done));
  bar.finish();
  let sensitive = 0;
  let lastPath = '';
  variants.forEach(({ template, path, variant }, v) => {
    if (path !== lastPath) io.out(`${template.title} (${path})\n`);
    lastPath = path;
    const mine = digests.slice(v * seeds, (v + 1) * seeds);
    const held = variant.expect.map((_, i) => mine.filter((d) => d.held?.[i]).length);
    const reliable = held.every((k) => k / seeds >= RELIABLE);
    if (!reliable) sensitive++;
    io.out(
      `  ${reliable ? 'ok  ' : 'SEED'} ${variant.drill.title}${variant.fix ? ` with the fix (${variant.drill.fix!.title})` : ''}${reliable ? '' : ': seed-sensitive'}\n`,
    );
    variant.expect.forEach((e, i) => {
      io.out(`       ${held[i]} of ${seeds}  ${variant.label(e.of)} ${e.what}, ${e.fromMs / 1000}–${e.toMs / 1000} s\n`);
    });
  });
  io.out(
    sensitive === 0
      ? `Every drill and fix shows what it says in at least ${RELIABLE * 100}% of ${seeds} seeds.\n`
      : `${sensitive} drill(s) or fix(es) are seed-sensitive: an outcome held in under ${RELIABLE * 100}% of ${seeds} seeds.\n`,
  );
  return sensitive === 0 ? 0 : 1;
}
