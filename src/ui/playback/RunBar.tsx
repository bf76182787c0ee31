// The top of the simulation panel: which scenario, Run (with progress and Cancel while it
// goes), and the player once a run is open.
import { ProgressBar } from '../primitives/ProgressBar';
import { Play, Square } from 'lucide-react';
import { displayShortcut } from '../../editor/commands/shortcut';
import { useDocument, useEditor, usePlayback } from '../../react/editorContext';
import { scenarioTitle } from '../../sim/describe';
import { PlayerBar } from './PlayerBar';
import { useActiveScenario } from './useScenario';

function ScenarioPicker() {
  const editor = useEditor();
  const diagram = useDocument((s) => s.diagram);
  const scenarios = diagram.scenarios;
  const active = useActiveScenario();
  return (
    <label className="fl-scenario-picker">
      <span>Scenario</span>
      <select value={active?.id ?? ''} onChange={(e) => editor.ui.getState().setActiveScenario(e.target.value)} disabled={scenarios.length === 0}>
        {scenarios.length === 0 ? <option value="">Baseline (no faults yet)</option> : null}
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {scenarioTitle(s, diagram)} ({s.faults.length} {s.faults.length === 1 ? 'fault' : 'faults'})
          </option>
        ))}
      </select>
    </label>
  );
}

function RunControl() {
  const editor = useEditor();
  const status = usePlayback((s) => s.status);
  if (status.kind === 'running') {
    const percent = Math.round(status.progress * 100);
    return (
      <span className="fl-run-progress">
        <ProgressBar label="Simulation progress" fraction={status.progress} />
        <span className="fl-muted">
          Simulating “{status.scenario}”… {percent}%
        </span>
        <button type="button" className="fl-button" onClick={() => editor.runs.cancel()}>
          <Square size={12} aria-hidden="true" /> Cancel
        </button>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="fl-button fl-button-primary"
      onClick={() => void editor.runs.run()}
      title={`Run the scenario (${displayShortcut('Mod+Enter', editor.commands.mac)})`}
    >
      <Play size={14} aria-hidden="true" /> Run
    </button>
  );
}

export function RunBar() {
  const hasRun = usePlayback((s) => s.run !== null);
  return (
    <div className="fl-runbar">
      <ScenarioPicker />
      <RunControl />
      {hasRun ? <PlayerBar /> : <span className="fl-muted fl-runbar-hint">Right-click a part to break it, then Run.</span>}
    </div>
  );
}
