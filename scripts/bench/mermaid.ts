// Import benchmark (parse + convert + layout), run in its own Node process.
import { execFileSync } from 'node:child_process';

export async function runImportBench(): Promise<Record<string, string | number>> {
  const out = execFileSync('npx', ['tsx', 'scripts/bench/importWorkload.ts'], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  return {
    inputs: `the question bank's ${r.count} Mermaid fences, after one warm-up pass; mermaid 12 parser, ELK layered layout in-process (Node)`,
    'total for all fences': `${Math.round(r.total)} ms`,
    'p95 per diagram (goal <= 150 ms)': `${r.p95.toFixed(1)} ms (slowest ${r.max.toFixed(1)} ms)`,
    'generated 300-node flowchart, 20 subgraphs (4 regions x 5 AZs), ~390 edges': `${Math.round(r.big)} ms (median of 3)`,
  };
}
