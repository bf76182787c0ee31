// The React Flow canvas bound to the document store. React Flow reports gestures as changes;
// this file turns them into named store actions (a drag is one gesture, one undo step).
import {
  Background,
  getNodesBounds,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NodeKind, Size, XY } from '../model';
import { absoluteRect, center, CATALOG, connectionRefusal, descendantIds, groupAt, indexNodes, isNodeKind, nodeSize, kindSize } from '../model';
import { actions, documentStore, report, uiStore, useDocument, useUi } from '../ui/stores';
import { setCanvasApi } from './canvasApi';
import { ParticleLayer } from './overlays/ParticleLayer';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { FlowMapper, type FlowEdge, type FlowNode } from './toFlow';

export const KIND_MIME = 'application/x-faultline-kind';
const NOTHING: ReadonlySet<string> = new Set();
/** Below this zoom, nodes are drawn as plain coloured boxes (labels are unreadable anyway). */
export const FAR_ZOOM = 0.35;
const GRID: [number, number] = [16, 16];

/** Adds a component with its centre at `point`, inside the innermost group there. */
export function addComponentAt(kind: NodeKind, point: XY) {
  const d = documentStore.getState().diagram;
  const size = kindSize(kind);
  const parentId = groupAt(d, point);
  const origin = parentId ? absoluteRect(indexNodes(d), parentId) : { x: 0, y: 0 };
  const position = { x: Math.round(point.x - size.width / 2 - origin.x), y: Math.round(point.y - size.height / 2 - origin.y) };
  const result = report(actions.addComponent(kind, position, parentId ? { parentId } : {}));
  if (result.ok) uiStore.getState().select([result.value.id]);
  return result;
}

/** What the canvas does with a dropped file; the import feature provides it. */
let onFileDrop: (file: File) => Promise<void> = async () => undefined;

export function setFileDropHandler(handler: (file: File) => Promise<void>): void {
  onFileDrop = handler;
}

export function Canvas() {
  const diagram = useDocument((s) => s.diagram);
  const selectedNodes = useUi((s) => s.selectedNodes);
  const selectedEdges = useUi((s) => s.selectedEdges);
  const snapToGrid = useUi((s) => s.snapToGrid);
  const showMinimap = useUi((s) => s.showMinimap);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const mapper = useMemo(() => new FlowMapper(), []);
  // A picture shows the diagram, not what happens to be selected.
  const capturing = useUi((s) => s.capturing);
  const shownNodes = capturing ? NOTHING : selectedNodes;
  const shownEdges = capturing ? NOTHING : selectedEdges;
  const nodes = useMemo(() => mapper.nodes(diagram, shownNodes, measured), [mapper, diagram, shownNodes, measured]);
  const edges = useMemo(() => mapper.edges(diagram, shownEdges), [mapper, diagram, shownEdges]);
  // mapper.edges returns the previous array when nothing about the edges changed, so a drag
  // does not make React Flow rebuild its connection lookup.
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const zoomedOut = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const far = zoomedOut && !capturing;

  useEffect(() => {
    const toDiagram = (p: XY) => flow.screenToFlowPosition(p);
    setCanvasApi({
      viewportCenter() {
        const r = wrapper.current?.getBoundingClientRect();
        return r ? toDiagram({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
      },
      fitView: () => void flow.fitView({ padding: 0.15, duration: 200 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      toDiagram,
      contentBounds: () => getNodesBounds(flow.getNodes()),
      drawingElement: () => wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport') ?? null,
      focusNode(id, zoom) {
        const byId = indexNodes(documentStore.getState().diagram);
        if (!byId.has(id)) return;
        const c = center(absoluteRect(byId, id));
        void flow.setCenter(c.x, c.y, { zoom: zoom ?? flow.getZoom(), duration: zoom === undefined ? 250 : 0 });
      },
    });
    return () => setCanvasApi(null);
  }, [flow]);

  // When the panel below opens or closes, the canvas changes height: keep what is in the middle
  // of the view in the middle.
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let height = el.clientHeight;
    const observer = new ResizeObserver(() => {
      const delta = el.clientHeight - height;
      height = el.clientHeight;
      if (delta === 0) return;
      const v = flow.getViewport();
      void flow.setViewport({ ...v, y: v.y + delta / 2 });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [flow]);

  // Fit the view when a diagram is opened, not when the first node of a blank one appears.
  const diagramId = diagram.id;
  useEffect(() => {
    if (documentStore.getState().diagram.nodes.length === 0) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1.2 }));
    return () => cancelAnimationFrame(frame);
  }, [flow, diagramId]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    let nextMeasured: Map<string, Size> | null = null;
    const positions = new Map<string, XY>();
    const selection = new Map<string, boolean>();
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions && !c.resizing) {
        nextMeasured ??= new Map(measuredRef.current);
        nextMeasured.set(c.id, c.dimensions);
      } else if (c.type === 'position' && c.position && documentStore.getState().gesture) {
        positions.set(c.id, c.position);
      } else if (c.type === 'select') {
        selection.set(c.id, c.selected);
      }
    }
    if (nextMeasured) setMeasured(nextMeasured);
    if (positions.size > 0) actions.moveNodes(positions);
    if (selection.size > 0) applySelection(selection, 'nodes');
  }, []);
  const measuredRef = useRef(measured);
  measuredRef.current = measured;

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const selection = new Map<string, boolean>();
    for (const c of changes) if (c.type === 'select') selection.set(c.id, c.selected);
    if (selection.size > 0) applySelection(selection, 'edges');
  }, []);

  const onDragStart = useCallback(() => documentStore.getState().beginGesture('Move'), []);

  const onDrag = useCallback(
    (_: unknown, node: FlowNode, dragged: FlowNode[]) => {
      const d = documentStore.getState().diagram;
      const internal = flow.getInternalNode(node.id);
      if (!internal) return;
      const size = nodeSize(node.data.node);
      const point = { x: internal.internals.positionAbsolute.x + size.width / 2, y: internal.internals.positionAbsolute.y + size.height / 2 };
      const exclude = new Set(dragged.map((n) => n.id));
      for (const id of descendantIds(d, exclude)) exclude.add(id);
      uiStore.getState().setDropTarget(groupAt(d, point, exclude) ?? null);
    },
    [flow],
  );

  const onDragStop = useCallback((_: unknown, _node: FlowNode | null, dragged: FlowNode[]) => {
    const d = documentStore.getState().diagram;
    const byId = indexNodes(d);
    const draggedIds = new Set(dragged.map((n) => n.id));
    const exclude = new Set(draggedIds);
    for (const id of descendantIds(d, draggedIds)) exclude.add(id);
    for (const n of dragged) {
      const model = byId.get(n.id);
      if (!model || (model.parentId && draggedIds.has(model.parentId))) continue;
      const target = groupAt(d, center(absoluteRect(byId, n.id)), exclude);
      if (target !== model.parentId) report(actions.setParent([n.id], target));
    }
    uiStore.getState().setDropTarget(null);
    documentStore.getState().endGesture();
  }, []);

  const onSelectionDragStop = useCallback((e: React.MouseEvent, dragged: FlowNode[]) => onDragStop(e, null, dragged), [onDragStop]);

  const onConnect = useCallback((c: Connection) => {
    const result = report(actions.connect(c.source, c.target));
    if (result.ok) uiStore.getState().select([], [result.value.id]);
  }, []);

  const isValidConnection = useCallback((c: Connection | FlowEdge) => connectionRefusal(documentStore.getState().diagram, c.source, c.target) === null, []);

  const onConnectEnd: OnConnectEnd = useCallback((_: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid === false && state.fromNode && state.toNode) {
      const reason = connectionRefusal(documentStore.getState().diagram, state.fromNode.id, state.toNode.id);
      if (reason) uiStore.getState().notify(reason, 'error');
    }
  }, []);

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      if (e.dataTransfer.files.length > 0) {
        e.preventDefault();
        void onFileDrop(e.dataTransfer.files[0]);
        return;
      }
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (!isNodeKind(kind)) return;
      e.preventDefault();
      addComponentAt(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [flow],
  );

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (e.dataTransfer.types.includes(KIND_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  return (
    <div className="fl-canvas" ref={wrapper} onDrop={onDrop} onDragOver={onDragOver} data-testid="canvas" data-far={far || undefined}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onDragStart}
        onNodeDrag={onDrag}
        onNodeDragStop={onDragStop}
        onSelectionDragStart={onDragStart}
        onSelectionDragStop={onSelectionDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDoubleClick={startRenaming}
        onNodeContextMenu={openNodeMenu}
        onEdgeContextMenu={openEdgeMenu}
        onPaneContextMenu={closeMenu}
        onPaneClick={clearSelection}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionMode={SelectionMode.Partial}
        snapToGrid={snapToGrid}
        snapGrid={GRID}
        zoomOnDoubleClick={false}
        minZoom={0.05}
        maxZoom={3}
        onlyRenderVisibleElements={diagram.nodes.length > 300 && !capturing}
        proOptions={{ hideAttribution: true }}
        aria-label="Diagram canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        {showMinimap ? <MiniMap pannable zoomable position="bottom-right" nodeColor={minimapColor} ariaLabel="Minimap" /> : null}
        <ParticleLayer />
      </ReactFlow>
    </div>
  );
}

// Handlers React Flow keeps in its store live at module scope: a new function identity on each
// render would re-render every node wrapper.
function startRenaming(_: React.MouseEvent, n: FlowNode) {
  uiStore.getState().setRenaming(n.id);
}

function clearSelection() {
  uiStore.getState().clearSelection();
  closeMenu();
}

/** Right-click a node, a group or an edge: select it and offer the faults it can have. */
function openNodeMenu(e: React.MouseEvent, n: FlowNode) {
  if (!CATALOG[n.data.node.kind].faultable) return;
  e.preventDefault();
  uiStore.getState().select([n.id]);
  uiStore.getState().openContextMenu({ x: e.clientX, y: e.clientY, target: { type: 'node', id: n.id } });
}

function openEdgeMenu(e: React.MouseEvent, edge: FlowEdge) {
  e.preventDefault();
  uiStore.getState().select([], [edge.id]);
  uiStore.getState().openContextMenu({ x: e.clientX, y: e.clientY, target: { type: 'edge', id: edge.id } });
}

function closeMenu() {
  if (uiStore.getState().contextMenu) uiStore.getState().openContextMenu(null);
}

function minimapColor(n: FlowNode): string {
  return CATALOG[n.data.node.kind].container ? 'rgba(100,116,139,0.15)' : CATALOG[n.data.node.kind].color;
}

function applySelection(changes: Map<string, boolean>, which: 'nodes' | 'edges') {
  const ui = uiStore.getState();
  const current = new Set(which === 'nodes' ? ui.selectedNodes : ui.selectedEdges);
  for (const [id, selected] of changes) {
    if (selected) current.add(id);
    else current.delete(id);
  }
  if (which === 'nodes') ui.select(current, ui.selectedEdges);
  else ui.select(ui.selectedNodes, current);
}
