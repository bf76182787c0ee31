// The reference for the canvas benchmark: React Flow with its default nodes and settings, fed
// the same graph as the app.
import '@xyflow/react/dist/style.css';
import { applyNodeChanges, ReactFlow, ReactFlowProvider, type Edge, type Node, type NodeChange } from '@xyflow/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Graph {
  nodes: { id: string; label: string; position: { x: number; y: number } }[];
  edges: { id: string; source: string; target: string }[];
}

function Plain({ graph }: { graph: Graph }) {
  const [nodes, setNodes] = useState<Node[]>(() => graph.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.label } })));
  const edges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={(c: NodeChange[]) => setNodes((ns) => applyNodeChanges(c, ns))}
      minZoom={0.05}
      fitView
      proOptions={{ hideAttribution: true }}
    />
  );
}

const root = createRoot(document.getElementById('root')!);
(window as unknown as { renderGraph: (g: Graph) => void }).renderGraph = (graph: Graph) =>
  root.render(
    <ReactFlowProvider>
      <Plain graph={graph} />
    </ReactFlowProvider>,
  );
