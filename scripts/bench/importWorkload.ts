// Import and export timing, in its own process: parse (mermaid) + convert + layout (ELK), for the
// question bank's 41 fences after a warm-up, and for a generated 300-node flowchart with 20
// subgraphs; then export of each fence back to Mermaid in its author's text, as imported and
// after one rename, beside Faultline's own flowchart writer on the same diagram.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installMermaidDom } from '../../src/cli/nodeDom';
import { mulberry32 } from './generate';

installMermaidDom();
const { importMermaid } = await import('../../src/mermaid/importMermaid');
const { layoutDiagram } = await import('../../src/layout/layoutDiagram');
const { createNodeElk } = await import('../../src/layout/nodeElk');
const { MermaidOut } = await import('../../src/editor/mermaidOut');
const { exportMermaid } = await import('../../src/mermaid/exportMermaid');
const elk = createNodeElk();

const layout = (d: Parameters<typeof layoutDiagram>[0]) => layoutDiagram(d, elk);
const dir = join(process.cwd(), 'tests/fixtures/seeds');
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.mmd'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));

/** 300 services in 20 subgraphs (4 regions of 5), with edges inside and across groups. */
function generated(): string {
  const random = mulberry32(11);
  const lines = ['flowchart LR'];
  for (let r = 0; r < 4; r++) {
    lines.push(`  subgraph region${r}["Region ${r}"]`);
    for (let g = 0; g < 5; g++) {
      const group = r * 5 + g;
      lines.push(`    subgraph az${group}["AZ ${group}"]`);
      for (let k = 0; k < 15; k++) lines.push(`      s${group * 15 + k}["Service ${group * 15 + k}"]`);
      lines.push('    end');
    }
    lines.push('  end');
  }
  for (let i = 0; i < 300; i++) {
    const local = Math.floor(i / 15) * 15 + Math.floor(random() * 15);
    if (local !== i) lines.push(`  s${i} --> s${local}`);
    if (random() < 0.3) lines.push(`  s${i} -.-> s${Math.floor(random() * 300)}`);
  }
  return lines.join('\n');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timeOne(text: string): Promise<number> {
  const t = performance.now();
  await importMermaid(text, 'bench', layout);
  return performance.now() - t;
}

type Imported = Awaited<ReturnType<typeof importMermaid>>['diagram'];

interface ExportTimes {
  first: number;
  edited: number;
  again: number;
  own: number;
}

/**
 * Export times for one imported diagram, through the Editor's MermaidOut (which keeps parses of
 * texts it has read): the first export after import, an export after renaming one node, the same
 * export again (what a drag or a re-render asks for), and Faultline's own flowchart writer.
 */
async function timeExports(d: Imported): Promise<ExportTimes> {
  const out = new MermaidOut();
  let t = performance.now();
  const first = await out.text(d);
  const firstMs = performance.now() - t;
  if (!first.kept) throw new Error(`export did not keep the author's text: ${first.notice}`);
  const renamed = structuredClone(d);
  const node = renamed.nodes.find((n) => n.label);
  if (node) node.label = `${node.label} (renamed)`;
  t = performance.now();
  await out.text(renamed);
  const editedMs = performance.now() - t;
  t = performance.now();
  await out.text(renamed);
  const againMs = performance.now() - t;
  t = performance.now();
  exportMermaid(d);
  return { first: firstMs, edited: editedMs, again: againMs, own: performance.now() - t };
}

// Warm-up: mermaid and ELK load and their code gets compiled once.
for (const s of seeds) await timeOne(s);
const times: number[] = [];
for (const s of seeds) times.push(await timeOne(s));
const imported: Imported[] = [];
for (const s of seeds) imported.push((await importMermaid(s, 'bench', layout)).diagram);
for (const d of imported) await timeExports(d);
const exports: ExportTimes[] = [];
for (const d of imported) exports.push(await timeExports(d));
const exportP95 = (measure: keyof ExportTimes) =>
  percentile(
    exports.map((e) => e[measure]),
    95,
  );
const big = generated();
await timeOne(big);
const bigTimes: number[] = [];
for (let i = 0; i < 3; i++) bigTimes.push(await timeOne(big));
console.log(
  JSON.stringify({
    count: times.length,
    total: times.reduce((a, b) => a + b, 0),
    p95: percentile(times, 95),
    max: Math.max(...times),
    big: percentile(bigTimes, 50),
    bigLines: big.split('\n').length,
    exportFirst: exportP95('first'),
    exportAgain: exportP95('again'),
    exportEdited: exportP95('edited'),
    exportOwn: exportP95('own'),
  }),
);
