// The named changes a user can make to the open diagram. Each names itself for the undo menu;
// moves and resizes run inside gestures so that a whole drag is one undo step.
import type {
  CallProps,
  ClientTraffic,
  Diagram,
  DiagramNode,
  Direction,
  Fault,
  FaultPatch,
  Fragment,
  NodeDetails,
  EdgeDetails,
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
  addScenario,
  removeFault,
  removeScenario,
  renameScenario,
  setScenarioSetting,
  setTraffic,
  updateFault,
  addNode,
  connect,
  createNode,
  duplicateNodes,
  groupNodes,
  insertDiagramAsGroup,
  ungroup,
  insertFragment,
  moveNodes,
  removeEdges,
  removeNodes,
  setCallProp,
  setKind,
  setNodeProp,
  setParent,
  updateEdge,
  updateNode,
  CATALOG,
  isContainer,
} from '../model';
import { applyPatch } from '../templates/applyDrill';
import type { DiagramPatch } from '../templates/types';
import type { DocumentStore } from './documentStore';

export interface LayoutResult {
  positions: Map<string, XY>;
  sizes: Map<string, Size>;
}

export function documentActions(store: DocumentStore) {
  const apply = <T>(label: string, edit: (draft: Diagram) => T): T => store.getState().apply(label, edit);

  return {
    addComponent(kind: NodeKind, position: XY, init: Partial<DiagramNode> = {}) {
      return apply(`Add ${CATALOG[kind].label}`, (d) => addNode(d, createNode(kind, position, init)));
    },
    connect(source: string, target: string) {
      return apply('Connect', (d) => connect(d, source, target));
    },
    deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]) {
      return apply('Delete', (d) => removeNodes(d, nodeIds) + removeEdges(d, edgeIds));
    },
    /** Positions during a drag; the caller brackets the drag with begin/endGesture. */
    moveNodes(positions: ReadonlyMap<string, XY>) {
      return apply('Move', (d) => moveNodes(d, positions));
    },
    setParent(nodeIds: readonly string[], groupId: string | undefined) {
      return apply(groupId ? 'Move into group' : 'Move out of group', (d) => {
        for (const id of nodeIds) {
          const result = setParent(d, id, groupId);
          if (!result.ok) return result;
        }
        return { ok: true as const, value: nodeIds.length };
      });
    },
    rename(id: string, label: string) {
      return apply('Rename', (d) => updateNode(d, id, { label }));
    },
    updateNode(id: string, details: NodeDetails) {
      return apply('Edit node', (d) => updateNode(d, id, details));
    },
    setKind(id: string, kind: NodeKind) {
      return apply(`Change kind to ${CATALOG[kind].label}`, (d) => setKind(d, id, kind));
    },
    setNodeProp<K extends keyof NodeProps>(id: string, key: K, value: NodeProps[K] | undefined) {
      return apply('Edit property', (d) => setNodeProp(d, id, key, value));
    },
    updateEdge(id: string, details: EdgeDetails) {
      return apply('Edit connection', (d) => updateEdge(d, id, details));
    },
    setCallProp<K extends keyof CallProps>(id: string, key: K, value: CallProps[K] | undefined) {
      return apply('Edit call setting', (d) => setCallProp(d, id, key, value));
    },
    duplicate(ids: readonly string[]) {
      return apply('Duplicate', (d) => duplicateNodes(d, ids));
    },
    paste(fragment: Fragment, offset: XY) {
      return apply('Paste', (d) => insertFragment(d, fragment, offset));
    },
    resize(id: string, size: Size, position: XY) {
      return apply('Resize', (d) => {
        const node = d.nodes.find((n) => n.id === id);
        if (!node) return;
        node.size = { width: Math.round(size.width), height: Math.round(size.height) };
        node.position = position;
      });
    },
    applyLayout(label: string, layout: LayoutResult) {
      return apply(label, (d) => {
        moveNodes(d, layout.positions);
        for (const n of d.nodes) {
          const size = layout.sizes.get(n.id);
          if (size && isContainer(n.kind)) n.size = size;
        }
      });
    },
    group(ids: readonly string[]) {
      return apply('Group', (d) => groupNodes(d, ids));
    },
    ungroup(id: string) {
      return apply('Ungroup', (d) => ungroup(d, id));
    },
    /** Imports another diagram (a Mermaid import, say) into this one as one group: one undo step. */
    importAsGroup(other: Diagram, at: XY) {
      return apply(`Import ${other.name}`, (d) => insertDiagramAsGroup(d, other, at));
    },
    renameDiagram(name: string) {
      return apply('Rename diagram', (d) => {
        d.name = name.trim() || 'Untitled diagram';
      });
    },
    addScenario(name: string, copyOf?: Scenario) {
      return apply(copyOf ? 'Duplicate scenario' : 'Add scenario', (d) => addScenario(d, name, copyOf));
    },
    renameScenario(id: string, name: string) {
      return apply('Rename scenario', (d) => renameScenario(d, id, name));
    },
    deleteScenario(id: string) {
      return apply('Delete scenario', (d) => removeScenario(d, id));
    },
    setScenarioSetting(id: string, key: ScenarioSetting, value: number) {
      return apply('Edit scenario', (d) => setScenarioSetting(d, id, key, value));
    },
    setTraffic<K extends (typeof TRAFFIC_KEYS)[number]>(scenarioId: string | null, clientId: string, key: K, value: ClientTraffic[K] | undefined) {
      return apply('Edit traffic', (d) => setTraffic(d, scenarioId, clientId, key, value));
    },
    /** Adds to the given scenario, or to a new Baseline when the diagram has none: one step. */
    addFault(scenarioId: string | null, fault: Fault) {
      return apply('Inject fault', (d) => addFault(d, scenarioId, fault));
    },
    /** Also used while dragging a fault bar, inside a gesture, so the drag is one step. */
    updateFault(scenarioId: string, faultId: string, patch: FaultPatch) {
      return apply('Edit fault', (d) => updateFault(d, scenarioId, faultId, patch));
    },
    removeFault(scenarioId: string, faultId: string) {
      return apply('Remove fault', (d) => removeFault(d, scenarioId, faultId));
    },
    /** A question's drill as a scenario of this diagram (when it was deleted, say). */
    addDrillScenario(scenario: Scenario) {
      return apply('Add drill scenario', (d) => {
        if (d.scenarios.some((s) => s.id === scenario.id)) return { ok: false as const, reason: 'That drill is already a scenario here' };
        d.scenarios.push(scenario);
        return { ok: true as const, value: scenario };
      });
    },
    /** A drill's fix made to the diagram itself, as one undo step. */
    applyFix(title: string, patch: DiagramPatch) {
      return apply(`Apply fix: ${title}`, (d) => applyPatch(d, patch));
    },
    setDirection(direction: Direction) {
      return apply('Change direction', (d) => {
        d.direction = direction;
      });
    },
  };
}

export type DocumentActions = ReturnType<typeof documentActions>;
