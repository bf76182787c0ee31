// Import benchmark (parse + convert + layout) and export back to Mermaid, in its own Node process.
import { execFileSync } from 'node:child_process';

export async function runImportBench(): Promise<Record<string, string | number>> {
  const out = execFileSync('npx', ['tsx', 'scripts/bench/importWorkload.ts'], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  return {
    inputs: `the question bank's ${r.count} Mermaid fences, after one warm-up pass; mermaid 12 parser, ELK layered layout in-process (Node)`,
    'total for all fences': `${Math.round(r.total)} ms`,
    'p95 per diagram (goal <= 150 ms)': `${r.p95.toFixed(1)} ms (slowest ${r.max.toFixed(1)} ms)`,
    "export p95 per fence in the author's text, first export after import (one mermaid parse of the text)": `${r.exportFirst.toFixed(1)} ms (${(r.exportFirst / r.p95).toFixed(2)}x the import p95)`,
    'export p95 after renaming one node (one line patched, the result parsed to check it)': `${r.exportEdited.toFixed(1)} ms (${(r.exportEdited / r.p95).toFixed(2)}x the import p95)`,
    'the same export again (parses kept, as while dragging)': `${r.exportAgain.toFixed(2)} ms`,
    "reference: Faultline's own flowchart writer on the same diagrams, p95": `${r.exportOwn.toFixed(2)} ms`,
    'generated 300-node flowchart, 20 subgraphs (4 regions x 5 AZs), ~390 edges': `${Math.round(r.big)} ms (median of 3)`,
  };
}
