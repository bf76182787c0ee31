// The inspector: what is selected, with every editable detail and simulation property of it.
import {
  CATALOG,
  KINDS,
  CALL_FIELDS,
  TRAFFIC_KEYS,
  nodeField,
  effectiveCallProps,
  effectiveNodeProps,
  type CallProps,
  type DiagramEdge,
  type DiagramNode,
  type FieldValue,
  type NodeKind,
  type NodeProps,
} from '../../model';
import { PanelRightClose, PanelRightOpen } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { KindIcon } from '../../canvas/icons';
import { useEditor, useDocument, useUi } from '../../react/editorContext';
import { FieldInput } from './FieldInput';
import { TextField } from './TextField';
import { TrafficSection } from './TrafficSection';

// A fault's settings are edited only once a fault is selected: loaded then. The load sections
// (capacity check, queueing theory) bring the engine's compiler: loaded after the first paint.
const FaultInspector = lazy(() => import('./FaultInspector').then((m) => ({ default: m.FaultInspector })));
const NodeLoad = lazy(() => import('./LoadSections').then((m) => ({ default: m.NodeLoad })));
const DiagramCapacity = lazy(() => import('./LoadSections').then((m) => ({ default: m.DiagramCapacity })));

/** A client's traffic is edited per scenario, in its own section. */
const SCENARIO_KEYS: ReadonlySet<string> = new Set(TRAFFIC_KEYS);

function refusal(result: { ok: boolean; reason?: string }): string | null {
  return result.ok ? null : (result.reason ?? 'Refused');
}

function NodeInspector({ node }: { node: DiagramNode }) {
  const editor = useEditor();
  const entry = CATALOG[node.kind];
  const props = effectiveNodeProps(node.kind, node.props);
  const kinds = KINDS.filter((k) => CATALOG[k].container === entry.container);
  return (
    <div className="fl-inspector-body">
      <header className="fl-inspector-head" style={{ '--kind-color': entry.color } as React.CSSProperties}>
        <KindIcon kind={node.kind} size={18} />
        <h2>{node.label || entry.label}</h2>
      </header>
      <TextField label="Label" value={node.label} onCommit={(label) => editor.report(editor.actions.rename(node.id, label))} />
      {!entry.container ? (
        <div className="fl-field">
          <label htmlFor="fl-kind">Kind</label>
          <select id="fl-kind" value={node.kind} onChange={(e) => editor.report(editor.actions.setKind(node.id, e.target.value as NodeKind))}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {CATALOG[k].label}
              </option>
            ))}
          </select>
          {node.inferred ? (
            <p className="fl-hint" data-testid="inferred-reason">
              Inferred on import: {node.inferred.rule}
            </p>
          ) : null}
        </div>
      ) : null}
      <TextField
        label="Notes"
        multiline
        value={node.notes ?? ''}
        placeholder="Assumptions, numbers, links…"
        onCommit={(notes) => editor.report(editor.actions.updateNode(node.id, { notes }))}
      />
      {entry.routing === 'source' ? <TrafficSection clientId={node.id} own={props} /> : null}
      {entry.fields.length > 0 ? (
        <section className="fl-inspector-section" aria-label="Simulation">
          <h3>Simulation</h3>
          {entry.fields
            .filter((key) => entry.routing !== 'source' || !SCENARIO_KEYS.has(key))
            .map((key) => {
              const field = nodeField(key)!;
              return (
                <FieldInput
                  key={key}
                  field={field}
                  value={props[key] as FieldValue}
                  overridden={node.props[key] !== undefined}
                  onCommit={(v) => refusal(editor.report(editor.actions.setNodeProp(node.id, key, v as NodeProps[typeof key] | undefined)))}
                />
              );
            })}
        </section>
      ) : null}
      {entry.routing !== 'none' && entry.routing !== 'source' ? (
        <Suspense fallback={null}>
          <NodeLoad nodeId={node.id} />
        </Suspense>
      ) : null}
    </div>
  );
}

function EdgeInspector({ edge, source, target }: { edge: DiagramEdge; source?: DiagramNode; target?: DiagramNode }) {
  const editor = useEditor();
  const call = effectiveCallProps(edge.call);
  return (
    <div className="fl-inspector-body">
      <header className="fl-inspector-head">
        <h2>
          {source?.label ?? edge.source} → {target?.label ?? edge.target}
        </h2>
      </header>
      <TextField label="Label" value={edge.label ?? ''} onCommit={(label) => editor.report(editor.actions.updateEdge(edge.id, { label }))} />
      <div className="fl-field">
        <label htmlFor="fl-mode">Call</label>
        <select
          id="fl-mode"
          value={edge.mode}
          onChange={(e) => editor.report(editor.actions.updateEdge(edge.id, { mode: e.target.value as 'sync' | 'async' }))}
        >
          <option value="sync">Synchronous (waits for the answer)</option>
          <option value="async">Asynchronous (fire and forget)</option>
        </select>
      </div>
      <section className="fl-inspector-section" aria-label="Resilience">
        <h3>Resilience</h3>
        {CALL_FIELDS.map((field) => (
          <FieldInput
            key={field.key}
            field={field}
            value={call[field.key] as FieldValue}
            overridden={edge.call[field.key] !== undefined}
            onCommit={(v) => refusal(editor.report(editor.actions.setCallProp(edge.id, field.key, v as CallProps[typeof field.key] | undefined)))}
          />
        ))}
      </section>
    </div>
  );
}

/** Kind counts as one string, so moving nodes (which changes no count) re-renders nothing. */
function kindCounts(nodes: readonly DiagramNode[]): string {
  const counts = new Map<NodeKind, number>();
  for (const n of nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return JSON.stringify([...counts]);
}

function DiagramInspector() {
  const editor = useEditor();
  const name = useDocument((s) => s.diagram.name);
  const nodeCount = useDocument((s) => s.diagram.nodes.length);
  const edgeCount = useDocument((s) => s.diagram.edges.length);
  const counts = new Map<NodeKind, number>(JSON.parse(useDocument((s) => kindCounts(s.diagram.nodes))));
  return (
    <div className="fl-inspector-body">
      <TextField label="Diagram name" value={name} onCommit={(v) => editor.actions.renameDiagram(v)} />
      <p className="fl-muted">
        {nodeCount} nodes, {edgeCount} connections
      </p>
      {counts.size > 0 ? (
        <ul className="fl-counts">
          {[...counts].map(([kind, n]) => (
            <li key={kind}>
              {CATALOG[kind].label}: {n}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="fl-hint">Select a node or a connection to edit it.</p>
      {nodeCount > 0 ? (
        <Suspense fallback={null}>
          <DiagramCapacity />
        </Suspense>
      ) : null}
    </div>
  );
}

function SelectedNode({ id }: { id: string }) {
  const node = useDocument((s) => s.diagram.nodes.find((n) => n.id === id));
  return node ? <NodeInspector key={node.id} node={node} /> : <DiagramInspector />;
}

function SelectedEdge({ id }: { id: string }) {
  const edge = useDocument((s) => s.diagram.edges.find((e) => e.id === id));
  const source = useDocument((s) => (edge ? s.diagram.nodes.find((n) => n.id === edge.source) : undefined));
  const target = useDocument((s) => (edge ? s.diagram.nodes.find((n) => n.id === edge.target) : undefined));
  return edge ? <EdgeInspector key={edge.id} edge={edge} source={source} target={target} /> : <DiagramInspector />;
}

/** The inspector folded to a rail: one button brings it back. */
function FoldedInspector() {
  const editor = useEditor();
  return (
    <aside className="fl-inspector fl-inspector-folded" aria-label="Inspector">
      <button
        type="button"
        className="fl-fold-button"
        aria-label="Show inspector"
        aria-expanded={false}
        title="Show inspector (Shift+I)"
        onClick={() => editor.ui.getState().toggleInspector()}
      >
        <PanelRightOpen size={16} aria-hidden="true" />
      </button>
    </aside>
  );
}

export function Inspector() {
  const folded = useUi((s) => !s.inspectorOpen || s.inspectorMakingRoom);
  return folded ? <FoldedInspector /> : <OpenInspector />;
}

function OpenInspector() {
  const editor = useEditor();
  const selectedNodes = useUi((s) => s.selectedNodes);
  const selectedEdges = useUi((s) => s.selectedEdges);
  const selectedFault = useUi((s) => s.selectedFault);
  const count = selectedNodes.size + selectedEdges.size;
  let body: React.ReactNode;
  if (selectedFault)
    body = (
      <Suspense fallback={null}>
        <FaultInspector id={selectedFault} />
      </Suspense>
    );
  else if (count === 0) body = <DiagramInspector />;
  else if (count > 1) {
    body = (
      <div className="fl-inspector-body">
        <p>
          {selectedNodes.size} nodes and {selectedEdges.size} connections selected.
        </p>
        <button type="button" onClick={() => editor.ui.getState().clearSelection()}>
          Clear selection
        </button>
      </div>
    );
  } else if (selectedNodes.size === 1) {
    body = <SelectedNode id={[...selectedNodes][0]} />;
  } else {
    body = <SelectedEdge id={[...selectedEdges][0]} />;
  }
  return (
    <aside className="fl-inspector" aria-label="Inspector">
      <div className="fl-inspector-bar">
        <span>Inspector</span>
        <button
          type="button"
          className="fl-fold-button"
          aria-label="Hide inspector"
          aria-expanded={true}
          title="Hide inspector (Shift+I)"
          onClick={() => editor.ui.getState().toggleInspector()}
        >
          <PanelRightClose size={16} aria-hidden="true" />
        </button>
      </div>
      {body}
    </aside>
  );
}
