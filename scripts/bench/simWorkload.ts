// One simulator workload, run in its own process so its timing and heap are its own.
// Prints one JSON line: events, requests, wall ms, peak heap.
import { PerformanceObserver } from 'node:perf_hooks';
import { createScenario, type Diagram, type Scenario } from '../../src/model';
import { Simulation } from '../../src/sim/simulate';
import { bareLoop } from './bareLoop';
import { chain, microservices30 } from './generate';

const which = process.argv[2];

// Time spent collecting garbage, from Node's own GC entries.
let gcMs = 0;
/** GC time before the run started (module loading, compiling): not the run's. */
let gcBefore = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });

function run(diagram: Diagram, scenario: Scenario, sliceEvents = 2_000_000) {
  const s = new Simulation(diagram, scenario);
  let peakHeap = process.memoryUsage().heapUsed;
  gcBefore = gcMs;
  const started = performance.now();
  while (!s.step(sliceEvents)) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const wallMs = performance.now() - started;
  const result = s.result();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return { events: result.stats.events, requests: result.stats.requests, wallMs, peakHeapMb: peakHeap / 1024 / 1024, buckets: result.buckets };
}

let out: ReturnType<typeof run>;
if (which === 'chain') {
  out = run(chain(1000), createScenario('steady', { durationMs: 1_500_000, warmupMs: 10_000 }));
} else if (which === 'micro') {
  const scenario = createScenario('db-2 slows down 20 s, payments fail 20% for 15 s', {
    durationMs: 300_000,
    warmupMs: 10_000,
    faults: [
      { id: 'slow-db', type: 'latency', target: { type: 'node', id: 'db-2' }, startMs: 60_000, endMs: 80_000, addMs: 300 },
      { id: 'pay-errors', type: 'errorRate', target: { type: 'node', id: 'payments' }, startMs: 120_000, endMs: 135_000, fraction: 0.2 },
    ],
  });
  out = run(microservices30(), scenario);
} else if (which === 'ten-million') {
  // 10,000,000 requests at 2,000 per second: 5,000 s simulated.
  out = run(chain(2000), createScenario('ten million requests', { durationMs: 5_000_000, warmupMs: 10_000 }));
} else if (which === 'bare-chain') {
  // The chain's events with nothing else: the reference the engine is measured against.
  gcBefore = gcMs;
  const r = bareLoop(1000, 4, 2, 1_500_000);
  out = { ...r, peakHeapMb: process.memoryUsage().heapUsed / 1024 / 1024, buckets: 0 };
} else {
  throw new Error(`unknown workload ${which}`);
}
// GC entries arrive asynchronously: let them in before reporting.
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ ...out, gcMs: gcMs - gcBefore }));
