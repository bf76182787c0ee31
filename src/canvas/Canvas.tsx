// The React Flow canvas bound to the Editor. React Flow reports gestures as changes; this file
// turns them into the Editor's canvas interaction calls (a drag is one gesture, one undo step),
// which decide what they mean. It also gives the Editor its viewport while it is mounted.
import {
  Background,
  BackgroundVariant,
  Controls,
  getNodesBounds,
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
import { KIND_MIME } from '../editor/canvasInteraction';
import type { Size, XY } from '../model';
import { absoluteRect, CATALOG, center, indexNodes } from '../model';
import { useDocument, useEditor, useInterview, useLive, useUi } from '../react/editorContext';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { LiveCursors, useFollowView } from './overlays/LiveCursors';
import { ParticleLayer } from './overlays/ParticleLayer';
import { FlowMapper, type FlowEdge, type FlowNode } from './toFlow';

const NOTHING: ReadonlySet<string> = new Set();
/** Below this zoom, nodes are drawn as plain coloured boxes (labels are unreadable anyway). */
export const FAR_ZOOM = 0.35;
const GRID: [number, number] = [16, 16];

function minimapColor(n: FlowNode): string {
  return CATALOG[n.data.node.kind].container ? 'rgba(100,116,139,0.15)' : CATALOG[n.data.node.kind].color;
}

export function Canvas() {
  const editor = useEditor();
  const live = useDocument((s) => s.diagram);
  // While the interviewer scrubs the session, the canvas shows the design of that moment.
  const preview = useInterview((s) => s.preview?.diagram ?? null);
  const diagram = preview ?? live;
  const selectedNodes = useUi((s) => s.selectedNodes);
  const selectedEdges = useUi((s) => s.selectedEdges);
  const snapToGrid = useUi((s) => s.snapToGrid);
  const viewing = useLive((s) => s.role === 'viewer');
  useFollowView();
  const showMinimap = useUi((s) => s.showMinimap);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const mapper = useMemo(() => new FlowMapper(), []);
  // A picture shows the diagram, not what happens to be selected.
  const capturing = useUi((s) => s.capturing);
  const shownNodes = capturing ? NOTHING : selectedNodes;
  const shownEdges = capturing ? NOTHING : selectedEdges;
  const nodes = useMemo(() => mapper.nodes(diagram, shownNodes, measured), [mapper, diagram, shownNodes, measured]);
  // mapper.edges returns the previous array when nothing about the edges changed, so a drag
  // does not make React Flow rebuild its connection lookup.
  const edges = useMemo(() => mapper.edges(diagram, shownEdges), [mapper, diagram, shownEdges]);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const zoomedOut = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const far = zoomedOut && !capturing;

  useEffect(() => {
    const toDiagram = (p: XY) => flow.screenToFlowPosition(p);
    editor.viewport = {
      viewportCenter() {
        const r = wrapper.current?.getBoundingClientRect();
        return r ? toDiagram({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
      },
      fitView: () => void flow.fitView({ padding: 0.15, duration: 200 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      toDiagram,
      contentBounds: () => getNodesBounds(flow.getNodes()),
      visibleArea() {
        const r = wrapper.current?.getBoundingClientRect();
        if (!r) return { x: 0, y: 0, width: 0, height: 0 };
        const a = toDiagram({ x: r.left, y: r.top });
        const b = toDiagram({ x: r.right, y: r.bottom });
        return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
      },
      drawingElement: () => wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport') ?? null,
      screenRectOf(type, id) {
        const el = wrapper.current?.querySelector(`.react-flow__${type}[data-id="${CSS.escape(id)}"]`);
        const r = el?.getBoundingClientRect();
        return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
      },
      focusNode(id, zoom) {
        const byId = indexNodes(editor.diagram);
        if (!byId.has(id)) return;
        const c = center(absoluteRect(byId, id));
        void flow.setCenter(c.x, c.y, { zoom: zoom ?? flow.getZoom(), duration: zoom === undefined ? 250 : 0 });
      },
    };
    return () => {
      editor.viewport = null;
    };
  }, [editor, flow]);

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
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another diagram opens (its id changes)
  useEffect(() => {
    if (editor.diagram.nodes.length === 0) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1.2 }));
    return () => cancelAnimationFrame(frame);
  }, [editor, flow, diagramId]);

  const measuredRef = useRef(measured);
  measuredRef.current = measured;

  // Handlers React Flow keeps in its store have stable identities (the editor never changes): a
  // new function on each render would re-render every node wrapper.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      let nextMeasured: Map<string, Size> | null = null;
      const positions = new Map<string, XY>();
      const selection = new Map<string, boolean>();
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions && !c.resizing) {
          nextMeasured ??= new Map(measuredRef.current);
          nextMeasured.set(c.id, c.dimensions);
        } else if (c.type === 'position' && c.position) positions.set(c.id, c.position);
        else if (c.type === 'select') selection.set(c.id, c.selected);
      }
      if (nextMeasured) setMeasured(nextMeasured);
      if (positions.size > 0) editor.canvas.drag(positions, null, []);
      if (selection.size > 0) editor.canvas.changeSelection(selection, 'nodes');
    },
    [editor],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const selection = new Map<string, boolean>();
      for (const c of changes) if (c.type === 'select') selection.set(c.id, c.selected);
      if (selection.size > 0) editor.canvas.changeSelection(selection, 'edges');
    },
    [editor],
  );

  const onDragStart = useCallback(() => editor.canvas.beginDrag(), [editor]);

  const onDrag = useCallback(
    (_: unknown, node: FlowNode, dragged: FlowNode[]) => {
      const internal = flow.getInternalNode(node.id);
      if (!internal) return;
      editor.canvas.drag(
        new Map(),
        { id: node.id, absolute: internal.internals.positionAbsolute },
        dragged.map((n) => n.id),
      );
    },
    [editor, flow],
  );

  const onDragStop = useCallback((_: unknown, _node: FlowNode | null, dragged: FlowNode[]) => editor.canvas.endDrag(dragged.map((n) => n.id)), [editor]);

  const onSelectionDragStop = useCallback((e: React.MouseEvent, dragged: FlowNode[]) => onDragStop(e, null, dragged), [onDragStop]);

  const onConnect = useCallback((c: Connection) => void editor.canvas.connect(c.source, c.target), [editor]);

  const isValidConnection = useCallback((c: Connection | FlowEdge) => editor.canvas.connectionRefusal(c.source, c.target) === null, [editor]);

  const onConnectEnd: OnConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (!state.fromNode || state.isValid === true) return;
      // Dropped on a node (on its body, or on a handle of the wrong kind), or on none: the node
      // under the pointer takes the connection if it may, else the person is told why.
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const under =
        state.toNode?.id ?? (point ? document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node')?.getAttribute('data-id') : null);
      editor.canvas.connectionDropped(state.fromNode.id, under ?? null, state.fromHandle?.type === 'target');
    },
    [editor],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      if (e.dataTransfer.files.length > 0) {
        e.preventDefault();
        void editor.canvas.dropFile(e.dataTransfer.files[0]);
        return;
      }
      if (editor.canvas.dropKind(e.dataTransfer.getData(KIND_MIME), flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))) e.preventDefault();
    },
    [editor, flow],
  );

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (e.dataTransfer.types.includes(KIND_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const startRenaming = useCallback((_: React.MouseEvent, n: FlowNode) => editor.canvas.startRenaming(n.id), [editor]);
  const startLabelling = useCallback((_: React.MouseEvent, e: FlowEdge) => editor.canvas.startRenaming(e.id), [editor]);
  const clickPane = useCallback(() => editor.canvas.clickPane(), [editor]);
  const closeMenu = useCallback(() => editor.ui.getState().contextMenu && editor.ui.getState().openContextMenu(null), [editor]);
  const openNodeMenu = useCallback(
    (e: React.MouseEvent, n: FlowNode) => {
      if (editor.canvas.openFaultMenu({ type: 'node', id: n.id }, { x: e.clientX, y: e.clientY })) e.preventDefault();
    },
    [editor],
  );
  const openEdgeMenu = useCallback(
    (e: React.MouseEvent, edge: FlowEdge) => {
      e.preventDefault();
      editor.canvas.openFaultMenu({ type: 'edge', id: edge.id }, { x: e.clientX, y: e.clientY });
    },
    [editor],
  );

  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      if (editor.live.active) editor.live.setCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [editor, flow],
  );
  const onPointerLeave = useCallback(() => editor.live.active && editor.live.setCursor(null), [editor]);
  const onMove = useCallback(
    (_: unknown, viewport: { x: number; y: number; zoom: number }) => editor.live.active && editor.live.setViewport(viewport),
    [editor],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop zone for palette items and files; the canvas inside is the interactive element
    <div
      className="fl-canvas"
      ref={wrapper}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      data-testid="canvas"
      data-far={far || undefined}
    >
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
        onEdgeDoubleClick={startLabelling}
        onNodeContextMenu={openNodeMenu}
        onEdgeContextMenu={openEdgeMenu}
        onPaneContextMenu={closeMenu}
        onPaneClick={clickPane}
        onMove={onMove}
        nodesDraggable={!viewing && !preview}
        nodesConnectable={!viewing && !preview}
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
        // React Flow's attribution stays: its MIT licence allows hiding it, and its authors ask
        // those who hide it to support the project; nothing here needs the corner.
        attributionPosition="bottom-center"
        aria-label="Diagram canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        {/* An empty canvas has nothing to map: no empty white box. */}
        {showMinimap && diagram.nodes.length > 0 ? <MiniMap pannable zoomable position="bottom-right" nodeColor={minimapColor} ariaLabel="Minimap" /> : null}
        <ParticleLayer />
        <LiveCursors />
      </ReactFlow>
    </div>
  );
}
