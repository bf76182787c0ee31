// Generated diagrams for benchmarks: a grid of components with edges to nearby nodes, seeded so
// every run measures the same graph.
import type { Diagram, DiagramNode, NodeKind } from '../../src/model';
import { createDiagram } from '../../src/model';

const KINDS: NodeKind[] = ['service', 'database', 'cache', 'queue', 'loadBalancer', 'worker', 'apiGateway', 'search'];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gridDiagram(nodeCount: number, edgeCount: number, seed = 7): Diagram {
  const random = mulberry32(seed);
  const d = createDiagram(`Generated ${nodeCount} nodes`, 0);
  const columns = Math.ceil(Math.sqrt(nodeCount * 2));
  const nodes: DiagramNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind = i === 0 ? 'client' : KINDS[Math.floor(random() * KINDS.length)];
    nodes.push({ id: `n${i}`, kind, label: `${kind} ${i}`, position: { x: (i % columns) * 240, y: Math.floor(i / columns) * 120 }, props: {} });
  }
  d.nodes = nodes;
  const seen = new Set<string>();
  while (d.edges.length < edgeCount) {
    const a = Math.floor(random() * nodeCount);
    const b = Math.min(nodeCount - 1, Math.max(1, a + 1 + Math.floor(random() * columns * 1.5)));
    const key = `${a}-${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    d.edges.push({ id: `e${d.edges.length}`, source: `n${a}`, target: `n${b}`, mode: 'sync', call: {} });
  }
  return d;
}

/**
 * A 30-node microservice system: a gateway over eight services with caches and databases, a
 * shared auth service, an event stream with consumers, search and a payment provider. Service to
 * database calls have retries with backoff and breakers.
 */
export function microservices30(): Diagram {
  const d = createDiagram('30-node microservices', 0);
  const add = (id: string, kind: NodeKind, props: DiagramNode['props'] = {}) => d.nodes.push({ id, kind, label: id, position: { x: 0, y: 0 }, props });
  const edge = (source: string, target: string, call: Diagram['edges'][number]['call'] = {}, mode: 'sync' | 'async' = 'sync') =>
    d.edges.push({ id: `${source}>${target}`, source, target, mode, call });
  const resilient = { maxAttempts: 3, backoffMs: 50, jitter: 'full' as const, breaker: true, timeoutMs: 800 };
  add('users', 'client', { rateRps: 3000 });
  add('gateway', 'apiGateway', { replicas: 6 });
  add('auth', 'service', { replicas: 4 });
  add('auth-db', 'database', { replicas: 2, concurrency: 200 });
  edge('users', 'gateway', { timeoutMs: 3000 });
  edge('auth', 'auth-db', resilient);
  for (let i = 1; i <= 4; i++) add(`db-${i}`, 'database', { replicas: 2, concurrency: 150 });
  for (let i = 1; i <= 8; i++) {
    add(`svc-${i}`, 'service', { replicas: 4 });
    add(`cache-${i}`, 'cache', { hitRatio: 0.8 });
    edge('gateway', `svc-${i}`);
    edge(`svc-${i}`, 'auth', { timeoutMs: 500, maxAttempts: 2 });
    edge(`svc-${i}`, `cache-${i}`, { timeoutMs: 200 });
    edge(`cache-${i}`, `db-${Math.ceil(i / 2)}`, resilient);
  }
  add('events', 'stream');
  // 1,125 messages/s arrive; each consumer group handles 10 replicas x 10 slots / 50 ms = 2,000/s.
  add('consumer-a', 'worker', { replicas: 10 });
  add('consumer-b', 'worker', { replicas: 10 });
  add('warehouse', 'database', { replicas: 2, concurrency: 200 });
  add('search', 'search');
  add('payments', 'external');
  for (const i of [1, 2, 3]) edge(`svc-${i}`, 'events');
  edge('events', 'consumer-a');
  edge('events', 'consumer-b');
  edge('consumer-a', 'warehouse', resilient);
  edge('consumer-b', 'search', resilient);
  edge('svc-4', 'search', resilient);
  edge('svc-5', 'payments', { ...resilient, timeoutMs: 2000, fallback: true });
  return d;
}

export function chain(rateRps: number): Diagram {
  const d = createDiagram('Client to one server', 0);
  d.nodes.push({ id: 'client', kind: 'client', label: 'Client', position: { x: 0, y: 0 }, props: { rateRps } });
  d.nodes.push({
    id: 'server',
    kind: 'service',
    label: 'Server',
    position: { x: 240, y: 0 },
    props: { replicas: 1, concurrency: 4, latencyDist: 'exponential', latencyMs: 2, errorRate: 0, queueLimit: 100_000 },
  });
  d.edges.push({ id: 'e', source: 'client', target: 'server', mode: 'sync', call: { timeoutMs: 0, networkMs: 0 } });
  return d;
}

/**
 * A 100-node system laid out in columns for replay: 4 clients, each behind a load balancer and
 * a gateway fanning out to 6 services; every service reads through its cache to its database
 * and publishes to one of 8 queues, each drained by a worker that writes to a database.
 */
export function replaySystem(rateRps = 250): Diagram {
  const d = createDiagram('100-node replay system', 0);
  const add = (id: string, kind: NodeKind, column: number, row: number, props: DiagramNode['props'] = {}) =>
    d.nodes.push({ id, kind, label: id, position: { x: column * 260, y: row * 90 }, props });
  const edge = (source: string, target: string) => d.edges.push({ id: `${source}>${target}`, source, target, mode: 'sync', call: {} });
  for (let i = 0; i < 4; i++) {
    add(`client-${i}`, 'client', 0, i * 6 + 2.5, { rateRps });
    add(`lb-${i}`, 'loadBalancer', 1, i * 6 + 2.5);
    add(`gateway-${i}`, 'apiGateway', 2, i * 6 + 2.5);
    edge(`client-${i}`, `lb-${i}`);
    edge(`lb-${i}`, `gateway-${i}`);
  }
  for (let j = 0; j < 24; j++) {
    add(`svc-${j}`, 'service', 3, j);
    add(`cache-${j}`, 'cache', 4, j);
    add(`db-${j}`, 'database', 5, j);
    edge(`gateway-${Math.floor(j / 6)}`, `svc-${j}`);
    edge(`svc-${j}`, `cache-${j}`);
    edge(`cache-${j}`, `db-${j}`);
    edge(`svc-${j}`, `queue-${j % 8}`);
  }
  for (let k = 0; k < 8; k++) {
    add(`queue-${k}`, 'queue', 6, k * 3);
    add(`worker-${k}`, 'worker', 7, k * 3);
    edge(`queue-${k}`, `worker-${k}`);
    edge(`worker-${k}`, `db-${k * 3}`);
  }
  // Edges into queues are asynchronous.
  for (const e of d.edges) if (e.target.startsWith('queue-')) e.mode = 'async';
  return d;
}
