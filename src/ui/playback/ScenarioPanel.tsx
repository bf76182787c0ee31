// The Faults tab: the active scenario's name, length, warm-up and seed beside its fault lanes,
// with new, duplicate and delete.
import { Copy, Plus, Trash2 } from 'lucide-react';
import { FaultLanes, NoFaults } from './FaultLanes';
import { useActiveScenario } from './useScenario';
import { SCENARIO_FIELDS, type FieldValue } from '../../model';
import { FieldInput } from '../inspector/FieldInput';
import { TextField } from '../inspector/TextField';
import type { Editor } from '../../editor/Editor';
import { useEditor, useDocument } from '../../react/editorContext';

function addScenario(editor: Editor, copy: boolean) {
  const d = editor.doc.getState().diagram;
  const from = copy ? (d.scenarios.find((s) => s.id === editor.ui.getState().activeScenarioId) ?? d.scenarios[0]) : undefined;
  const name = from ? `${from.name} (copy)` : `Scenario ${d.scenarios.length + 1}`;
  const result = editor.report(editor.actions.addScenario(name, from));
  if (result.ok) editor.ui.getState().setActiveScenario(result.value.id);
}

function deleteScenario(editor: Editor, id: string, name: string) {
  const result = editor.report(editor.actions.deleteScenario(id));
  if (!result.ok) return;
  editor.ui.getState().setActiveScenario(null);
  editor.ui.getState().notify(`Deleted scenario “${name}”`, 'info', { label: 'Undo', run: () => editor.undo() });
}

export function ScenarioPanel() {
  const editor = useEditor();
  const scenario = useActiveScenario();
  const count = useDocument((s) => s.diagram.scenarios.length);
  return (
    <div className="fl-scenario-panel">
      <div className="fl-scenario-settings">
        {scenario ? (
          <>
            <TextField label="Scenario name" value={scenario.name} onCommit={(name) => editor.report(editor.actions.renameScenario(scenario.id, name))} />
            {SCENARIO_FIELDS.map((field) => (
              <FieldInput
                key={field.key}
                field={field}
                value={scenario[field.key]}
                overridden={false}
                onCommit={(v: FieldValue | undefined) => {
                  const r = editor.actions.setScenarioSetting(scenario.id, field.key, v as number);
                  return r.ok ? null : r.reason;
                }}
              />
            ))}
          </>
        ) : (
          <p className="fl-muted">The Baseline scenario runs 60 s of each client’s own traffic, seed 1. Inject a fault or add a scenario to change it.</p>
        )}
        <div className="fl-scenario-actions">
          <button type="button" className="fl-button" onClick={() => addScenario(editor, false)}>
            <Plus size={13} aria-hidden="true" /> New scenario
          </button>
          {scenario ? (
            <button type="button" className="fl-button" onClick={() => addScenario(editor, true)}>
              <Copy size={13} aria-hidden="true" /> Duplicate
            </button>
          ) : null}
          {scenario && count > 0 ? (
            <button type="button" className="fl-button" onClick={() => deleteScenario(editor, scenario.id, scenario.name)}>
              <Trash2 size={13} aria-hidden="true" /> Delete
            </button>
          ) : null}
        </div>
      </div>
      {scenario ? <FaultLanes scenario={scenario} /> : <NoFaults />}
    </div>
  );
}
