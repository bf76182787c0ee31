// The one table of fault types: what each is called, where it can be put, its parameters with
// units and ranges, and the values a new one starts with. The context menu, the fault editor and
// validation all read it.
import { CATALOG } from './catalog';
import type { Field } from './schema';
import type { Fault, FaultType, NodeKind } from './types';

export type FaultParam = Field<'addMs' | 'factor' | 'fraction' | 'partition'>;

export interface FaultTypeEntry {
  type: FaultType;
  /** As a menu item: "Inject fault: Hang". */
  label: string;
  description: string;
  onEdge: boolean;
  /** Whether a node of this kind can have it (groups can have any node fault). */
  onNode(kind: NodeKind): boolean;
  params: readonly FaultParam[];
  defaults: Partial<Fault>;
}

/** A container takes any node fault (it applies to the members); others by their routing. */
const simulatedNode = (kind: NodeKind) => CATALOG[kind].container || (CATALOG[kind].routing !== 'none' && CATALOG[kind].routing !== 'source');
const ADD_MS: FaultParam = { key: 'addMs', type: 'number', label: 'Added latency', unit: 'ms', min: 0, max: 3_600_000 };
const FRACTION = (label: string): FaultParam => ({ key: 'fraction', type: 'number', label, unit: '%', min: 0, max: 1, scale: 100 });

export const FAULT_TYPES: readonly FaultTypeEntry[] = [
  { type: 'crash', label: 'Crash', description: 'Refuses every request at once', onEdge: false, onNode: simulatedNode, params: [], defaults: {} },
  { type: 'hang', label: 'Hang', description: 'Accepts requests and never answers', onEdge: false, onNode: simulatedNode, params: [], defaults: {} },
  {
    type: 'latency',
    label: 'Slow down',
    description: 'Adds to or multiplies the time each request takes',
    onEdge: true,
    onNode: simulatedNode,
    params: [ADD_MS, { key: 'factor', type: 'number', label: 'Latency multiplier', unit: '×', min: 0, max: 10_000 }],
    defaults: { addMs: 500, factor: 1 },
  },
  {
    type: 'errorRate',
    label: 'Errors',
    description: 'Fails a share of requests',
    onEdge: true,
    onNode: simulatedNode,
    params: [FRACTION('Error rate')],
    defaults: { fraction: 0.5 },
  },
  {
    type: 'capacityLoss',
    label: 'Lose capacity',
    description: 'Takes a share of the replicas down',
    onEdge: false,
    onNode: simulatedNode,
    params: [FRACTION('Replicas down')],
    defaults: { fraction: 0.5 },
  },
  {
    type: 'partition',
    label: 'Partition',
    description: 'Cuts the network: calls are refused, or dropped and time out',
    onEdge: true,
    onNode: simulatedNode,
    params: [
      {
        key: 'partition',
        type: 'choice',
        label: 'Packets',
        options: [
          { value: 'refuse', label: 'Refused at once' },
          { value: 'drop', label: 'Dropped (callers wait for their timeout)' },
        ],
      },
    ],
    defaults: { partition: 'refuse' },
  },
  {
    type: 'cacheFlush',
    label: 'Flush cache',
    description: 'Empties the cache; hits come back over its warm-up time',
    onEdge: false,
    onNode: (kind) => CATALOG[kind].container || CATALOG[kind].routing === 'cache',
    params: [],
    defaults: {},
  },
  {
    type: 'trafficSpike',
    label: 'Traffic spike',
    description: 'Multiplies the request rate of a client',
    onEdge: false,
    onNode: (kind) => CATALOG[kind].container || CATALOG[kind].routing === 'source',
    params: [{ key: 'factor', type: 'number', label: 'Rate multiplier', unit: '×', min: 0, max: 1_000 }],
    defaults: { factor: 5 },
  },
];

export function faultType(type: FaultType): FaultTypeEntry {
  return FAULT_TYPES.find((f) => f.type === type)!;
}

/** The fault types a node of this kind, or an edge, can have. */
export function faultTypesFor(target: NodeKind | 'edge'): FaultTypeEntry[] {
  return FAULT_TYPES.filter((f) => (target === 'edge' ? f.onEdge : f.onNode(target)));
}
