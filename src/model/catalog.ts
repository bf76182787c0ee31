// The component catalog: the one table of kinds. Palette, canvas, inspector, simulation defaults,
// Mermaid export shapes and import inference all read from here; adding a kind is one entry.
import { BASE_NODE_PROPS, DEFAULT_CALL } from './schema';
import type { CallProps, NodeKind, NodeProps, Size } from './types';

export { BASE_NODE_PROPS, DEFAULT_CALL };

/** Mermaid flowchart shapes, named as mermaid's own flowchart db names them. */
export type MermaidShape =
  | 'square'
  | 'round'
  | 'stadium'
  | 'subroutine'
  | 'cylinder'
  | 'circle'
  | 'doublecircle'
  | 'odd'
  | 'diamond'
  | 'hexagon'
  | 'lean_right'
  | 'lean_left'
  | 'trapezoid'
  | 'inv_trapezoid';

/** How a node passes a request on, which decides what its outgoing edges mean. */
export type Routing =
  | 'source' // a client: originates traffic
  | 'fanout' // calls every outgoing edge (each with its probability)
  | 'alternatives' // picks one healthy outgoing edge per request
  | 'cache' // answers hits itself, sends misses on
  | 'queue' // buffers; outgoing edges are consumers pulling at their own pace
  | 'none'; // not simulated (groups, notes)

export type PaletteSection = 'Traffic' | 'Edge' | 'Compute' | 'Data' | 'Messaging' | 'Diagram';

/** How a queueing kind hands out messages: to one of its consumers, or a copy to each. */
export type Delivery = 'competing' | 'broadcast';

/** Which canvas component draws the kind. */
export type CanvasShape = 'component' | 'group' | 'note';

export interface CatalogEntry {
  kind: NodeKind;
  label: string;
  description: string;
  /** A lucide icon name; the UI maps names to components so the model stays React-free. */
  icon: string;
  color: string;
  section: PaletteSection;
  mermaidShape: MermaidShape;
  /** The architecture-beta icon it is written with (one of the five drawn without an icon pack). */
  architectureIcon: 'cloud' | 'database' | 'disk' | 'internet' | 'server';
  routing: Routing;
  /** Edges into this kind are asynchronous (the producer is acknowledged at once). */
  asyncInbound: boolean;
  /** Can be either end of a connection at all (notes cannot). */
  connectable: boolean;
  /** Can be called: the target of a connection (a client only sends). */
  callable: boolean;
  /** Holds other nodes (a group): they move with it, and what happens to it happens to them. */
  container: boolean;
  /** Faults can be injected on it from the canvas. */
  faultable: boolean;
  /** For queueing kinds: competing consumers (a queue) or a copy per consumer (a stream). */
  delivery?: Delivery;
  canvas: CanvasShape;
  /** Kinds drawn at a size the person chooses start at this one; the rest have COMPONENT_SIZE. */
  defaultSize?: Size;
  defaults: Partial<NodeProps>;
  /** Properties the inspector shows for this kind, in order. */
  fields: readonly (keyof NodeProps)[];
  /** Words in a label or id that suggest this kind on import (lower case, matched as words). */
  keywords: readonly string[];
  /** Product names that say this kind even in a process flowchart (Redis, Kafka, Postgres). */
  products: readonly string[];
}

const SERVER_FIELDS = [
  'replicas',
  'concurrency',
  'queueLimit',
  'latencyDist',
  'latencyMs',
  'latencyP99Ms',
  'errorRate',
  'blocking',
  'callMode',
] as const satisfies readonly (keyof NodeProps)[];

const ROUTER_FIELDS = [
  'replicas',
  'concurrency',
  'latencyDist',
  'latencyMs',
  'latencyP99Ms',
  'errorRate',
  'balancing',
  'ejectAfterFailures',
  'ejectForMs',
] as const satisfies readonly (keyof NodeProps)[];

const CACHE_FIELDS = [...SERVER_FIELDS, 'hitRatio', 'warmupMs', 'coalescing'] as const;
const QUEUE_FIELDS = ['queueLimit', 'latencyMs', 'errorRate', 'maxDeliveries'] as const;

const entries: CatalogEntry[] = [
  {
    kind: 'client',
    label: 'Client',
    description: 'Users, browsers or apps sending requests',
    icon: 'users',
    color: '#2563eb',
    section: 'Traffic',
    mermaidShape: 'stadium',
    architectureIcon: 'internet',
    routing: 'source',
    asyncInbound: false,
    connectable: true,
    callable: false,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { rateRps: 100 },
    fields: ['rateRps', 'pattern', 'patternFactor', 'patternStartMs', 'patternDurationMs', 'sloMs'],
    keywords: [
      'client',
      'clients',
      'user',
      'users',
      'browser',
      'mobile',
      'app',
      'apps',
      'web',
      'customer',
      'customers',
      'shopper',
      'shoppers',
      'buyer',
      'buyers',
      'visitor',
      'visitors',
      'device',
      'devices',
      'player',
      'players',
      'frontend',
      'ios',
      'android',
      'actor',
    ],
    products: [],
  },
  {
    kind: 'dns',
    label: 'DNS',
    description: 'Name resolution, geo routing',
    icon: 'globe',
    color: '#0891b2',
    section: 'Edge',
    mermaidShape: 'lean_right',
    architectureIcon: 'internet',
    routing: 'alternatives',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 4, concurrency: 10_000, latencyMs: 5, latencyP99Ms: 30, errorRate: 0, blocking: false, queueLimit: 10_000 },
    fields: ROUTER_FIELDS,
    keywords: ['dns', 'resolver', 'geodns'],
    products: ['route53', 'route 53'],
  },
  {
    kind: 'cdn',
    label: 'CDN',
    description: 'Edge cache in front of an origin',
    icon: 'cloud',
    color: '#0d9488',
    section: 'Edge',
    mermaidShape: 'trapezoid',
    architectureIcon: 'internet',
    routing: 'cache',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: {
      replicas: 20,
      concurrency: 10_000,
      latencyMs: 10,
      latencyP99Ms: 60,
      errorRate: 0,
      hitRatio: 0.85,
      warmupMs: 60_000,
      blocking: false,
      queueLimit: 10_000,
    },
    fields: [...ROUTER_FIELDS, 'hitRatio', 'warmupMs'],
    keywords: ['cdn', 'edge', 'pop', 'pops'],
    products: ['cloudfront', 'akamai', 'fastly', 'cloudflare'],
  },
  {
    kind: 'loadBalancer',
    label: 'Load balancer',
    description: 'Spreads requests over healthy targets',
    icon: 'split',
    color: '#7c3aed',
    section: 'Edge',
    mermaidShape: 'hexagon',
    architectureIcon: 'server',
    routing: 'alternatives',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 2, concurrency: 10_000, latencyMs: 1, latencyP99Ms: 5, errorRate: 0, blocking: false, queueLimit: 10_000 },
    fields: ROUTER_FIELDS,
    keywords: ['lb', 'load balancer', 'loadbalancer', 'balancer', 'ingress'],
    products: ['alb', 'elb', 'nlb', 'nginx', 'haproxy', 'envoy', 'traefik'],
  },
  {
    kind: 'apiGateway',
    label: 'API gateway',
    description: 'Routes, authenticates and rate-limits',
    icon: 'door-open',
    color: '#9333ea',
    section: 'Edge',
    mermaidShape: 'subroutine',
    architectureIcon: 'server',
    routing: 'alternatives',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 3, concurrency: 2_000, latencyMs: 3, latencyP99Ms: 15, errorRate: 0, blocking: true, queueLimit: 2_000 },
    fields: [...ROUTER_FIELDS, 'blocking', 'rateLimitRps', 'rateLimitBurst'],
    keywords: ['gateway', 'api gateway', 'apigw', 'bff'],
    products: ['kong', 'apigee'],
  },
  {
    kind: 'service',
    label: 'Service',
    description: 'An application service with replicas',
    icon: 'server',
    color: '#4f46e5',
    section: 'Compute',
    mermaidShape: 'square',
    architectureIcon: 'server',
    routing: 'fanout',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 3, concurrency: 50, latencyMs: 20, latencyP99Ms: 120, errorRate: 0.001, queueLimit: 200 },
    fields: SERVER_FIELDS,
    keywords: ['service', 'svc', 'server', 'api', 'backend', 'microservice', 'app server', 'engine', 'manager', 'handler'],
    products: [],
  },
  {
    kind: 'worker',
    label: 'Worker',
    description: 'Background consumer or processor',
    icon: 'cog',
    color: '#6366f1',
    section: 'Compute',
    mermaidShape: 'square',
    architectureIcon: 'server',
    routing: 'fanout',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 2, concurrency: 10, latencyMs: 50, latencyP99Ms: 300, errorRate: 0.001, queueLimit: 100 },
    fields: SERVER_FIELDS,
    keywords: ['worker', 'workers', 'consumer', 'consumers', 'processor', 'processors', 'job', 'jobs', 'scheduler', 'batch', 'etl', 'pipeline'],
    products: ['cron'],
  },
  {
    kind: 'cache',
    label: 'Cache',
    description: 'In-memory cache (Redis, Memcached)',
    icon: 'zap',
    color: '#dc2626',
    section: 'Data',
    mermaidShape: 'cylinder',
    architectureIcon: 'database',
    routing: 'cache',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 3, concurrency: 1_000, latencyMs: 1, latencyP99Ms: 5, errorRate: 0, blocking: false, queueLimit: 5_000, hitRatio: 0.9 },
    fields: CACHE_FIELDS,
    keywords: ['cache', 'caching'],
    products: ['redis', 'memcached', 'memcache', 'valkey', 'dragonfly', 'hazelcast'],
  },
  {
    kind: 'database',
    label: 'Database',
    description: 'A database with a connection pool',
    icon: 'database',
    color: '#16a34a',
    section: 'Data',
    mermaidShape: 'cylinder',
    architectureIcon: 'database',
    routing: 'fanout',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 1, concurrency: 100, latencyMs: 5, latencyP99Ms: 50, errorRate: 0.0001, queueLimit: 500 },
    fields: SERVER_FIELDS,
    keywords: ['db', 'database', 'databases', 'sql', 'store', 'storage', 'ledger', 'shard', 'shards', 'replica', 'timeseries', 'warehouse'],
    products: [
      'postgres',
      'postgresql',
      'mysql',
      'dynamodb',
      'cassandra',
      'mongodb',
      'mongo',
      'aurora',
      'spanner',
      'cockroachdb',
      'oracle',
      'rds',
      'influxdb',
      'etcd',
      'timescaledb',
      'clickhouse',
      'bigquery',
      'snowflake',
      'redshift',
    ],
  },
  {
    kind: 'queue',
    label: 'Queue',
    description: 'Message queue with consumers and a dead-letter queue',
    icon: 'inbox',
    color: '#ea580c',
    section: 'Messaging',
    mermaidShape: 'odd',
    architectureIcon: 'disk',
    routing: 'queue',
    asyncInbound: true,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    delivery: 'competing',
    defaults: {
      replicas: 1,
      concurrency: 100_000,
      latencyMs: 2,
      latencyP99Ms: 10,
      latencyDist: 'constant',
      errorRate: 0,
      blocking: false,
      queueLimit: 1_000_000,
      maxDeliveries: 5,
    },
    fields: QUEUE_FIELDS,
    keywords: ['queue', 'queues', 'rabbit', 'mq', 'dlq', 'dead letter', 'buffer'],
    products: ['sqs', 'rabbitmq', 'activemq'],
  },
  {
    kind: 'stream',
    label: 'Stream',
    description: 'Event log (Kafka, Kinesis) with consumer lag',
    icon: 'waves',
    color: '#d97706',
    section: 'Messaging',
    mermaidShape: 'cylinder',
    architectureIcon: 'disk',
    routing: 'queue',
    asyncInbound: true,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    delivery: 'broadcast',
    defaults: {
      replicas: 1,
      concurrency: 100_000,
      latencyMs: 3,
      latencyP99Ms: 15,
      latencyDist: 'constant',
      errorRate: 0,
      blocking: false,
      queueLimit: 10_000_000,
      maxDeliveries: 3,
    },
    fields: QUEUE_FIELDS,
    keywords: ['stream', 'streams', 'streaming', 'event bus', 'eventbus', 'pubsub', 'pub/sub', 'topic', 'topics', 'event log', 'cdc'],
    products: ['kafka', 'kinesis', 'pulsar', 'nats', 'eventbridge', 'debezium'],
  },
  {
    kind: 'search',
    label: 'Search index',
    description: 'Full-text search (Elasticsearch, OpenSearch)',
    icon: 'search',
    color: '#65a30d',
    section: 'Data',
    mermaidShape: 'cylinder',
    architectureIcon: 'database',
    routing: 'fanout',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 3, concurrency: 50, latencyMs: 30, latencyP99Ms: 200, errorRate: 0.0005, queueLimit: 300 },
    fields: SERVER_FIELDS,
    keywords: ['search', 'elastic', 'index'],
    products: ['elasticsearch', 'opensearch', 'solr', 'lucene', 'algolia'],
  },
  {
    kind: 'objectStore',
    label: 'Object store',
    description: 'Blob storage (S3, GCS)',
    icon: 'archive',
    color: '#0f766e',
    section: 'Data',
    mermaidShape: 'cylinder',
    architectureIcon: 'disk',
    routing: 'fanout',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 10, concurrency: 1_000, latencyMs: 30, latencyP99Ms: 150, errorRate: 0.0001, queueLimit: 10_000 },
    fields: SERVER_FIELDS,
    keywords: ['object store', 'object storage', 'objectstore', 'blob', 'blobs', 'bucket', 'buckets', 'data lake', 'datalake', 'media storage'],
    products: ['s3', 'gcs', 'minio'],
  },
  {
    kind: 'external',
    label: 'External API',
    description: 'A third party: payment provider, bank, email',
    icon: 'plug',
    color: '#be185d',
    section: 'Compute',
    mermaidShape: 'round',
    architectureIcon: 'internet',
    routing: 'fanout',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: true,
    canvas: 'component',
    defaults: { replicas: 1, concurrency: 1_000, latencyMs: 200, latencyP99Ms: 1_200, errorRate: 0.005, queueLimit: 1_000 },
    fields: SERVER_FIELDS,
    keywords: [
      'external',
      'third party',
      'third-party',
      '3rd party',
      'bank',
      'banks',
      'card network',
      'card networks',
      'provider',
      'providers',
      'partner',
      'exchange',
      'exchanges',
      'psp',
      'smtp',
    ],
    products: ['stripe', 'paypal', 'visa', 'mastercard', 'twilio', 'sendgrid', 'apns', 'fcm'],
  },
  {
    kind: 'step',
    label: 'Step',
    description: 'A process step or decision (flowcharts)',
    icon: 'square',
    color: '#475569',
    section: 'Diagram',
    mermaidShape: 'square',
    architectureIcon: 'server',
    routing: 'fanout',
    asyncInbound: false,
    connectable: true,
    callable: true,
    container: false,
    faultable: false,
    canvas: 'component',
    defaults: { replicas: 1, concurrency: 100_000, latencyMs: 1, latencyP99Ms: 1, latencyDist: 'constant', errorRate: 0, blocking: false, queueLimit: 0 },
    fields: ['latencyMs', 'errorRate'],
    keywords: [],
    products: [],
  },
  {
    kind: 'group',
    label: 'Group',
    description: 'Region, availability zone or subgraph',
    icon: 'box-select',
    color: '#64748b',
    section: 'Diagram',
    mermaidShape: 'square',
    architectureIcon: 'cloud',
    routing: 'none',
    asyncInbound: false,
    // Mermaid links subgraphs; the engine routes such edges through the group's members.
    connectable: true,
    callable: true,
    container: true,
    faultable: true,
    canvas: 'group',
    defaultSize: { width: 420, height: 280 },
    defaults: {},
    fields: [],
    keywords: [],
    products: [],
  },
  {
    kind: 'note',
    label: 'Note',
    description: 'A sticky note',
    icon: 'sticky-note',
    color: '#ca8a04',
    section: 'Diagram',
    mermaidShape: 'square',
    architectureIcon: 'server',
    routing: 'none',
    asyncInbound: false,
    connectable: false,
    callable: false,
    container: false,
    faultable: false,
    canvas: 'note',
    defaultSize: { width: 200, height: 110 },
    defaults: {},
    fields: [],
    keywords: [],
    products: [],
  },
];

export const CATALOG: Readonly<Record<NodeKind, CatalogEntry>> = Object.freeze(
  Object.fromEntries(entries.map((e) => [e.kind, Object.freeze(e)])) as Record<NodeKind, CatalogEntry>,
);

export const KINDS: readonly NodeKind[] = entries.map((e) => e.kind);

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && Object.hasOwn(CATALOG, value);
}

export function catalogEntry(kind: NodeKind): CatalogEntry {
  return CATALOG[kind];
}

/** Kinds the simulation runs; groups and notes are drawing only. */
export function isSimulated(kind: NodeKind): boolean {
  return CATALOG[kind].routing !== 'none';
}

/** Holds other nodes (a group). */
export function isContainer(kind: NodeKind): boolean {
  return CATALOG[kind].container;
}

/** Originates traffic (a client). */
export function isSource(kind: NodeKind): boolean {
  return CATALOG[kind].routing === 'source';
}

export function effectiveNodeProps(kind: NodeKind, overrides: Partial<NodeProps> = {}): NodeProps {
  return { ...BASE_NODE_PROPS, ...CATALOG[kind].defaults, ...overrides };
}

export function effectiveCallProps(overrides: Partial<CallProps> = {}): CallProps {
  return { ...DEFAULT_CALL, ...overrides };
}

/**
 * Kind inference on import, one ordered rule table (first match wins; see inference.ts):
 * an explicit class, then an architecture icon, then the shape of a decision, then a label that
 * starts with an action (a process step), then words from the catalog in this order of kinds
 * (specific before generic: "User Service" is a service, "Users" a client), then the cylinder
 * shape, then the default.
 */
export const INFERENCE_ORDER: readonly NodeKind[] = [
  'cache',
  'stream',
  'queue',
  'search',
  'objectStore',
  'cdn',
  'dns',
  'loadBalancer',
  'apiGateway',
  'external',
  'worker',
  'database',
  'service',
  'client',
];

/** Labels that start with one of these verbs describe a process step, not a component. */
export const ACTION_VERBS: readonly string[] = [
  'load',
  'store',
  'write',
  'read',
  'merge',
  'check',
  'send',
  'validate',
  'process',
  'compute',
  'update',
  'create',
  'fetch',
  'publish',
  'calculate',
  'apply',
  'return',
  'reject',
  'accept',
  'assign',
  'find',
  'select',
  'filter',
  'score',
  'rank',
  'schedule',
  'retry',
  'notify',
  'log',
  'record',
  'generate',
  'build',
  'deploy',
  'train',
  'evaluate',
  'monitor',
  'scale',
  'route',
  'forward',
  'wait',
  'start',
  'stop',
  'handle',
  'insert',
  'delete',
  'remove',
  'add',
  'get',
  'put',
  'post',
  'call',
  'invoke',
  'emit',
  'consume',
  'match',
  'queue',
  'cache',
  'save',
  'persist',
  'lookup',
  'look',
  'resolve',
  'verify',
  'authenticate',
  'authorize',
  'charge',
  'refund',
  'reserve',
  'release',
  'ship',
  'pull',
  'push',
  'fan',
  'aggregate',
  'enrich',
  'transform',
  'detect',
  'is',
  'has',
  'can',
  'should',
];

/** Architecture-beta icons to kinds. */
export const ICON_KINDS: Readonly<Record<string, NodeKind>> = {
  database: 'database',
  disk: 'objectStore',
  server: 'service',
  cloud: 'external',
  internet: 'external',
};
