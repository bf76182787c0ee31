// Import timing, in its own process: parse (mermaid) + convert + layout (ELK), for the question
// bank's 41 fences after a warm-up, and for a generated 300-node flowchart with 20 subgraphs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installMermaidDom } from '../../src/cli/nodeDom';
import { mulberry32 } from './generate';

installMermaidDom();
const { importMermaid } = await import('../../src/mermaid/importMermaid');
const { layoutDiagram } = await import('../../src/layout/layoutDiagram');
const { createNodeElk } = await import('../../src/layout/nodeElk');
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

// Warm-up: mermaid and ELK load and their code gets compiled once.
for (const s of seeds) await timeOne(s);
const times: number[] = [];
for (const s of seeds) times.push(await timeOne(s));
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
  }),
);
