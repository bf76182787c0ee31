// The React Flow canvas bound to the Editor. React Flow reports gestures as changes; this file
// turns them into the Editor's canvas interaction calls (a drag is one gesture, one undo step),
// which decide what they mean. It also gives the Editor its viewport while it is mounted.
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
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
import { absoluteRect, boundsOf, CATALOG, center, indexNodes } from '../model';
import { useDocument, useEditor, useInterview, useLive, useUi } from '../react/editorContext';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { LiveCursors, useFollowView } from './overlays/LiveCursors';
import { ParticleLayer } from './overlays/ParticleLayer';
import { FlowMapper, type FlowEdge, type FlowNode } from './toFlow';

const NOTHING: ReadonlySet<string> = new Set();
/**
 * Levels of detail. Below LABEL_ZOOM a node shows only its label, large enough to read at fit
 * view (its 13 px label would be under 8 px); below FAR_ZOOM a big diagram's nodes are plain
 * coloured boxes, which keeps panning 1,000 nodes as smooth as plain React Flow (docs/decisions.md).
 */
export const LABEL_ZOOM = 0.62;
export const FAR_ZOOM = 0.35;
/** Diagrams up to this many nodes keep their big labels however far out (cheap at this size). */
const LABELS_UP_TO = 200;
const GRID: [number, number] = [16, 16];
/** How a fit frames the diagram: a margin around it, and never bigger than a little over life size. */
const FIT = { padding: 0.15, maxZoom: 1.2 } as const;

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
  // The minimap helps where the view shows part of the diagram; with all of it in view it would
  // only cover a corner of it.
  const bounds = useMemo(() => {
    const byId = indexNodes(diagram);
    return boundsOf(diagram.nodes.map((n) => absoluteRect(byId, n.id)));
  }, [diagram]);
  const allInView = useFlowStore((s) => {
    if (!bounds) return true;
    const [x, y, zoom] = s.transform;
    const left = -x / zoom;
    const top = -y / zoom;
    return bounds.x >= left && bounds.y >= top && bounds.x + bounds.width <= left + s.width / zoom && bounds.y + bounds.height <= top + s.height / zoom;
  });
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
  const small = diagram.nodes.length <= LABELS_UP_TO;
  const detail = useFlowStore((s) => (s.transform[2] >= (small ? LABEL_ZOOM : FAR_ZOOM) ? 'full' : small ? 'labels' : 'boxes'));
  const far = capturing ? undefined : detail === 'full' ? undefined : detail;
  const connecting = useFlowStore((s) => s.connection.inProgress);
  // True while the view is the one a fit gave (no pan or zoom since): a panel opening or closing
  // beside the canvas then fits again, so what was fitted stays fitted in the room left.
  const fitted = useRef(false);
  const fitToView = useCallback(
    (duration?: number) => {
      fitted.current = true;
      void flow.fitView({ ...FIT, duration });
    },
    [flow],
  );

  useEffect(() => {
    const toDiagram = (p: XY) => flow.screenToFlowPosition(p);
    editor.viewport = {
      viewportCenter() {
        const r = wrapper.current?.getBoundingClientRect();
        return r ? toDiagram({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
      },
      fitView: () => fitToView(200),
      fitNodes(ids) {
        fitted.current = false;
        void flow.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.2, maxZoom: 1.5, duration: 200 });
      },
      zoomIn() {
        fitted.current = false;
        void flow.zoomIn({ duration: 150 });
      },
      zoomOut() {
        fitted.current = false;
        void flow.zoomOut({ duration: 150 });
      },
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
        fitted.current = false;
        void flow.setCenter(c.x, c.y, { zoom: zoom ?? flow.getZoom(), duration: zoom === undefined ? 250 : 0 });
      },
    };
    return () => {
      editor.viewport = null;
    };
  }, [editor, flow, fitToView]);

  // When a panel beside or below opens or closes, the canvas changes size: a fitted view fits
  // again; otherwise what is in the middle of the view stays in the middle.
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let width = el.clientWidth;
    let height = el.clientHeight;
    const observer = new ResizeObserver(() => {
      const dx = el.clientWidth - width;
      const dy = el.clientHeight - height;
      width = el.clientWidth;
      height = el.clientHeight;
      if ((dx === 0 && dy === 0) || width === 0 || height === 0) return;
      if (fitted.current && editor.diagram.nodes.length > 0) return fitToView();
      const v = flow.getViewport();
      void flow.setViewport({ ...v, x: v.x + dx / 2, y: v.y + dy / 2 });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [editor, flow, fitToView]);

  // Fit the view when a diagram is opened, not when the first node of a blank one appears.
  const diagramId = diagram.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another diagram opens (its id changes)
  useEffect(() => {
    if (editor.diagram.nodes.length === 0) return;
    const frame = requestAnimationFrame(() => fitToView());
    return () => cancelAnimationFrame(frame);
  }, [editor, fitToView, diagramId]);

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
  // A pan or zoom by the person (an event, not a fit) ends the fitted view.
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) fitted.current = false;
  }, []);
  const unfit = useCallback(() => {
    fitted.current = false;
  }, []);
  const markFitted = useCallback(() => {
    fitted.current = true;
  }, []);
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
      data-far={far}
      data-connecting={connecting || undefined}
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
        // Every handle starts a connection and takes one: which end is which follows the drag.
        connectionMode={ConnectionMode.Loose}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDoubleClick={startRenaming}
        onEdgeDoubleClick={startLabelling}
        onNodeContextMenu={openNodeMenu}
        onEdgeContextMenu={openEdgeMenu}
        onPaneContextMenu={closeMenu}
        onPaneClick={clickPane}
        onMoveStart={onMoveStart}
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
        // Its own controls, minimap and dots follow the system's light or dark; pictures are light.
        colorMode={capturing ? 'light' : 'system'}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1} />
        <Controls showInteractive={false} position="bottom-left" onZoomIn={unfit} onZoomOut={unfit} onFitView={markFitted} fitViewOptions={FIT} />
        {/* An empty canvas, or one showing all of its diagram, has nothing to map. */}
        {showMinimap && !allInView ? <MiniMap pannable zoomable position="bottom-right" nodeColor={minimapColor} ariaLabel="Minimap" /> : null}
        <ParticleLayer />
        <LiveCursors />
      </ReactFlow>
    </div>
  );
}
