// Every change a person can make to the open diagram, as one table of named actions. A change is
// data, `{ name, args }`, applied through the one path in the document store: it names itself for
// the undo menu and decides whether it enters history. Moves, resizes and fault-bar drags run
// inside gestures, so that a whole drag is one undo step.
import type {
  CallProps,
  ClientTraffic,
  Diagram,
  DiagramNode,
  Direction,
  EdgeDetails,
  Fault,
  FaultPatch,
  Fragment,
  NodeDetails,
  NodeKind,
  NodeProps,
  Scenario,
  ScenarioSetting,
  Size,
  TRAFFIC_KEYS,
  XY,
} from '../model';
import {
  addFault,
  addNode,
  addScenario,
  CATALOG,
  connect,
  createNode,
  duplicateNodes,
  groupNodes,
  insertDiagramAsGroup,
  insertFragment,
  isContainer,
  moveNodes,
  removeEdges,
  removeFault,
  removeNodes,
  removeScenario,
  renameDiagram,
  renameScenario,
  setCallProp,
  setKind,
  setNodeProp,
  setParent,
  setScenarioSetting,
  setTraffic,
  ungroup,
  updateEdge,
  updateFault,
  updateNode,
} from '../model';
import { applyPatch } from '../templates/applyDrill';
import type { DiagramPatch } from '../templates/types';
import type { DocumentStore, HistoryMode } from './documentStore';

export interface LayoutResult {
  positions: ReadonlyMap<string, XY>;
  sizes: ReadonlyMap<string, Size>;
}

interface ActionSpec<A extends unknown[], R> {
  /** The name in the undo menu ("Undid: Connect"). */
  label: string | ((...args: A) => string);
  history?: HistoryMode;
  run(d: Diagram, ...args: A): R;
}

const action = <A extends unknown[], R>(spec: ActionSpec<A, R>) => spec;

/** A direction in words, as the Arrange menu says it. */
export const DIRECTION_WORDS: Readonly<Record<Direction, string>> = {
  LR: 'left to right',
  RL: 'right to left',
  TB: 'top to bottom',
  BT: 'bottom to top',
};

/** Every node where a layout puts it, and groups at the size it gives them. */
function placeAll(d: Diagram, layout: LayoutResult): void {
  moveNodes(d, layout.positions);
  for (const n of d.nodes) {
    const size = layout.sizes.get(n.id);
    if (size && isContainer(n.kind)) n.size = size;
  }
}

export const ACTIONS = {
  addComponent: action({
    label: (kind: NodeKind, _at: XY, _init?: Partial<DiagramNode>) => `Add ${CATALOG[kind].label}`,
    run: (d: Diagram, kind: NodeKind, position: XY, init: Partial<DiagramNode> = {}) => addNode(d, createNode(kind, position, init)),
  }),
  connect: action({ label: 'Connect', run: (d: Diagram, source: string, target: string) => connect(d, source, target) }),
  deleteElements: action({
    label: 'Delete',
    run: (d: Diagram, nodeIds: readonly string[], edgeIds: readonly string[]) => removeNodes(d, nodeIds) + removeEdges(d, edgeIds),
  }),
  /** Positions during a drag; the drag is a gesture, recorded as one change when it ends. */
  moveNodes: action({ label: 'Move', run: (d: Diagram, positions: ReadonlyMap<string, XY>) => moveNodes(d, positions) }),
  setParent: action({
    label: (_ids: readonly string[], groupId: string | undefined) => (groupId ? 'Move into group' : 'Move out of group'),
    run: (d: Diagram, nodeIds: readonly string[], groupId: string | undefined) => {
      for (const id of nodeIds) {
        const result = setParent(d, id, groupId);
        if (!result.ok) return result;
      }
      return { ok: true as const, value: nodeIds.length };
    },
  }),
  rename: action({ label: 'Rename', run: (d: Diagram, id: string, label: string) => updateNode(d, id, { label }) }),
  updateNode: action({ label: 'Edit node', run: (d: Diagram, id: string, details: NodeDetails) => updateNode(d, id, details) }),
  setKind: action({
    label: (_id: string, kind: NodeKind) => `Change kind to ${CATALOG[kind].label}`,
    run: (d: Diagram, id: string, kind: NodeKind) => setKind(d, id, kind),
  }),
  setNodeProp: action({
    label: 'Edit property',
    run: <K extends keyof NodeProps>(d: Diagram, id: string, key: K, value: NodeProps[K] | undefined) => setNodeProp(d, id, key, value),
  }),
  /** Clients' rates set together (a question's scale, say): one undo step, all or none. */
  setClientRates: action({
    label: (_rates: Readonly<Record<string, number>>, why: string) => why,
    run: (d: Diagram, rates: Readonly<Record<string, number>>, _why: string) => {
      for (const [id, rate] of Object.entries(rates)) {
        const result = setNodeProp(d, id, 'rateRps', rate);
        if (!result.ok) return result;
      }
      return { ok: true as const, value: Object.keys(rates).length };
    },
  }),
  updateEdge: action({ label: 'Edit connection', run: (d: Diagram, id: string, details: EdgeDetails) => updateEdge(d, id, details) }),
  setCallProp: action({
    label: 'Edit call setting',
    run: <K extends keyof CallProps>(d: Diagram, id: string, key: K, value: CallProps[K] | undefined) => setCallProp(d, id, key, value),
  }),
  duplicate: action({ label: 'Duplicate', run: (d: Diagram, ids: readonly string[]) => duplicateNodes(d, ids) }),
  paste: action({ label: 'Paste', run: (d: Diagram, fragment: Fragment, offset: XY) => insertFragment(d, fragment, offset) }),
  resize: action({
    label: 'Resize',
    run: (d: Diagram, id: string, size: Size, position: XY) => {
      const node = d.nodes.find((n) => n.id === id);
      if (!node) return;
      node.size = { width: Math.round(size.width), height: Math.round(size.height) };
      node.position = position;
    },
  }),
  applyLayout: action({
    label: (label: string, _layout: LayoutResult) => label,
    run: (d: Diagram, _label: string, layout: LayoutResult) => placeAll(d, layout),
  }),
  /** A new flow direction and the layout that runs that way: one undo step. */
  turnFlow: action({
    label: (direction: Direction, _layout: LayoutResult | null) => `Flow ${DIRECTION_WORDS[direction]}`,
    run: (d: Diagram, direction: Direction, layout: LayoutResult | null) => {
      d.direction = direction;
      if (layout) placeAll(d, layout);
    },
  }),
  group: action({ label: 'Group', run: (d: Diagram, ids: readonly string[]) => groupNodes(d, ids) }),
  ungroup: action({ label: 'Ungroup', run: (d: Diagram, id: string) => ungroup(d, id) }),
  /** Imports another diagram (a Mermaid import, say) into this one as one group: one undo step. */
  importAsGroup: action({
    label: (other: Diagram, _at: XY) => `Import ${other.name}`,
    run: (d: Diagram, other: Diagram, at: XY) => insertDiagramAsGroup(d, other, at),
  }),
  renameDiagram: action({ label: 'Rename diagram', run: (d: Diagram, name: string) => renameDiagram(d, name) }),
  addScenario: action({
    label: (_name: string, copyOf?: Scenario) => (copyOf ? 'Duplicate scenario' : 'Add scenario'),
    run: (d: Diagram, name: string, copyOf?: Scenario) => addScenario(d, name, copyOf),
  }),
  renameScenario: action({ label: 'Rename scenario', run: (d: Diagram, id: string, name: string) => renameScenario(d, id, name) }),
  deleteScenario: action({ label: 'Delete scenario', run: (d: Diagram, id: string) => removeScenario(d, id) }),
  setScenarioSetting: action({
    label: 'Edit scenario',
    run: (d: Diagram, id: string, key: ScenarioSetting, value: number) => setScenarioSetting(d, id, key, value),
  }),
  setTraffic: action({
    label: 'Edit traffic',
    run: <K extends (typeof TRAFFIC_KEYS)[number]>(d: Diagram, scenarioId: string | null, clientId: string, key: K, value: ClientTraffic[K] | undefined) =>
      setTraffic(d, scenarioId, clientId, key, value),
  }),
  /** Adds to the given scenario, or to a new Baseline when the diagram has none: one step. */
  addFault: action({ label: 'Inject fault', run: (d: Diagram, scenarioId: string | null, fault: Fault) => addFault(d, scenarioId, fault) }),
  /** Also used while dragging a fault bar, inside a gesture, so the drag is one step. */
  updateFault: action({
    label: 'Edit fault',
    run: (d: Diagram, scenarioId: string, faultId: string, patch: FaultPatch) => updateFault(d, scenarioId, faultId, patch),
  }),
  removeFault: action({ label: 'Remove fault', run: (d: Diagram, scenarioId: string, faultId: string) => removeFault(d, scenarioId, faultId) }),
  /** A question's drill as a scenario of this diagram (when it was deleted, say). */
  addDrillScenario: action({
    label: 'Add drill scenario',
    run: (d: Diagram, scenario: Scenario) => {
      if (d.scenarios.some((s) => s.id === scenario.id)) return { ok: false as const, reason: 'That drill is already a scenario here' };
      d.scenarios.push(scenario);
      return { ok: true as const, value: scenario };
    },
  }),
  /** A drill's fix made to the diagram itself, as one undo step. */
  applyFix: action({
    label: (title: string, _patch: DiagramPatch) => `Apply fix: ${title}`,
    run: (d: Diagram, _title: string, patch: DiagramPatch) => applyPatch(d, patch),
  }),
};

export type ActionName = keyof typeof ACTIONS;
type Spec<N extends ActionName> = (typeof ACTIONS)[N];
type RunOf<N extends ActionName> = Spec<N>['run'];
export type ActionArgs<N extends ActionName> = RunOf<N> extends (d: Diagram, ...args: infer A) => unknown ? A : never;
export type ActionResult<N extends ActionName> = ReturnType<RunOf<N>>;

/** A change as data: which action, with what. */
export interface ActionCall<N extends ActionName = ActionName> {
  name: N;
  args: ActionArgs<N>;
}

export function actionLabel<N extends ActionName>(call: ActionCall<N>): string {
  const label = ACTIONS[call.name].label as string | ((...args: ActionArgs<N>) => string);
  return typeof label === 'function' ? label(...call.args) : label;
}

export function runAction<N extends ActionName>(d: Diagram, call: ActionCall<N>): ActionResult<N> {
  const run = ACTIONS[call.name].run as unknown as (d: Diagram, ...args: ActionArgs<N>) => ActionResult<N>;
  return run(d, ...call.args);
}

export function actionHistory(name: ActionName): HistoryMode {
  return (ACTIONS[name] as { history?: HistoryMode }).history ?? 'record';
}

/** The actions as methods, `actions.connect(a, b)`, each a call through `apply`. */
export type ActionMethods = { [N in ActionName]: (...args: ActionArgs<N>) => ActionResult<N> };

export function actionMethods(apply: <N extends ActionName>(call: ActionCall<N>) => ActionResult<N>): ActionMethods {
  const methods = {} as Record<ActionName, (...args: unknown[]) => unknown>;
  for (const name of Object.keys(ACTIONS) as ActionName[]) methods[name] = (...args: unknown[]) => apply({ name, args } as ActionCall);
  return methods as unknown as ActionMethods;
}

/** Applies an action to a document store: the one apply path every change takes. */
export function applyAction<N extends ActionName>(store: DocumentStore, call: ActionCall<N>): ActionResult<N> {
  return store.getState().apply(actionLabel(call), (d) => runAction(d, call), actionHistory(call.name));
}

/** The actions of a document store as methods (the Editor has these as `editor.actions`). */
export function storeActions(store: DocumentStore): ActionMethods {
  return actionMethods((call) => applyAction(store, call));
}
