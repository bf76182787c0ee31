// Request flows imported from sequence diagrams, played message by message along the edges:
// the current message travels on the canvas and is marked here with its label.
import { ChevronLeft, ChevronRight, Pause, Play } from 'lucide-react';
import { useEffect } from 'react';
import { flowSteps } from '../../playback/flows';
import { useEditor, useDocument, usePlayback } from '../../react/editorContext';

export function FlowPanel() {
  const editor = useEditor();
  const flows = useDocument((s) => s.diagram.flows);
  const diagram = useDocument((s) => s.diagram);
  const state = usePlayback((s) => s.flow);
  const pb = editor.playback.getState();
  const flow = flows.find((f) => f.id === state?.id);

  // Open the first flow when the tab is shown; let it go when the tab closes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the flows change only; the playback store is the editor's and lives as long as it
  useEffect(() => {
    if (!editor.playback.getState().flow && flows[0]) editor.playback.getState().openFlow(flows[0].id, flows[0].steps.length);
    return () => editor.playback.getState().openFlow(null);
  }, [flows]);

  if (flows.length === 0)
    return <p className="fl-muted fl-panel-empty">No request flows. Import a sequence diagram (File → Import Mermaid) to step through its messages here.</p>;
  if (!flow || !state) return null;
  const steps = flowSteps(diagram, flow);
  const nameOf = (id: string) => diagram.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <div className="fl-flows">
      <div className="fl-flow-controls">
        <select
          aria-label="Request flow"
          value={flow.id}
          onChange={(e) => pb.openFlow(e.target.value, flows.find((f) => f.id === e.target.value)?.steps.length)}
        >
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <button type="button" className="fl-icon-button" aria-label="Previous message" onClick={() => pb.stepFlow(state.step - 1)}>
          <ChevronLeft size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="fl-icon-button"
          aria-label={state.playing ? 'Pause flow' : 'Play flow'}
          onClick={() => pb.setFlowPlaying(!state.playing)}
        >
          {state.playing ? <Pause size={16} aria-hidden="true" /> : <Play size={16} aria-hidden="true" />}
        </button>
        <button type="button" className="fl-icon-button" aria-label="Next message" onClick={() => pb.stepFlow(state.step + 1)}>
          <ChevronRight size={16} aria-hidden="true" />
        </button>
        <span className="fl-muted" aria-live="polite">
          Message {state.step + 1} of {steps.length}
        </span>
      </div>
      <ol className="fl-flow-steps" aria-label="Messages">
        {steps.map((s) => (
          <li key={s.index} aria-current={s.index === state.step ? 'step' : undefined} data-reply={s.reply || undefined}>
            <button type="button" onClick={() => pb.stepFlow(s.index)}>
              <span className="fl-flow-route">
                {nameOf(s.from)} → {nameOf(s.to)}
              </span>
              <span>{s.label || '(no label)'}</span>
              {s.edge ? null : <span className="fl-muted"> (not connected on the canvas)</span>}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
