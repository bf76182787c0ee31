import { readFileSync } from 'node:fs';
import { installMermaidDom } from '../src/cli/nodeDom';
import { layoutDiagram } from '../src/layout/layoutDiagram';
import { nodeElk } from '../src/layout/nodeElk';
import { parseTemplate } from '../src/templates/parseTemplate';
import { templateDiagram } from '../src/templates/templateDiagram';
import { simulate } from '../src/sim/simulate';
installMermaidDom();
const [file, drillId, ...nodes] = process.argv.slice(2);
const t = parseTemplate(readFileSync(file, 'utf8'));
const drill = t.drills.find((d) => d.id === drillId)!;
const d = await templateDiagram(t, drill.diagram, (x) => layoutDiagram(x, nodeElk()));
const run = simulate(d, d.scenarios.find((s) => s.id === `drill-${drill.id}`)!);
const B = run.buckets;
for (const id of nodes) {
  const r = run.nodes.findIndex((n) => n.id === id);
  const s = run.series.node;
  const per = (arr: Float32Array) => Array.from({ length: 12 }, (_, i) => { let v = 0; for (let b = i * B / 12; b < (i + 1) * B / 12; b++) v += arr[r * B + b]; return v; });
  const mx = (arr: Float32Array) => Array.from({ length: 12 }, (_, i) => { let v = 0; for (let b = i * B / 12; b < (i + 1) * B / 12; b++) v = Math.max(v, arr[r * B + b]); return Math.round(v); });
  console.log(id, 'arrivals/5s', per(s.arrivals).map(Math.round).join(' '));
  console.log(id, 'fail/5s    ', per(s.failures).map(Math.round).join(' '));
  console.log(id, 'queue max  ', mx(s.queueDepth).join(' '));
  console.log(id, 'lag max    ', mx(s.oldestAgeMs).join(' '));
  console.log(id, 'inflight   ', mx(s.inFlight).join(' '));
}
console.log(run.timeline.slice(0, 30).map((e) => `${(e.t / 1000).toFixed(1)} ${e.text}`).join('\n'));
