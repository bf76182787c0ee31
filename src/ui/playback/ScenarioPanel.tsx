// The Faults tab: the active scenario's name, length, warm-up and seed beside its fault lanes,
// with new, duplicate and delete.
import { Copy, Plus, Trash2 } from 'lucide-react';
import { FaultLanes, NoFaults } from './FaultLanes';
import { useActiveScenario } from './useScenario';
import { SCENARIO_FIELDS, type FieldValue } from '../../model';
import { FieldInput } from '../inspector/FieldInput';
import { TextField } from '../inspector/TextField';
import { actions, documentStore, report, uiStore, useDocument } from '../stores';

function addScenario(copy: boolean) {
  const d = documentStore.getState().diagram;
  const from = copy ? (d.scenarios.find((s) => s.id === uiStore.getState().activeScenarioId) ?? d.scenarios[0]) : undefined;
  const name = from ? `${from.name} (copy)` : `Scenario ${d.scenarios.length + 1}`;
  const result = report(actions.addScenario(name, from));
  if (result.ok) uiStore.getState().setActiveScenario(result.value.id);
}

function deleteScenario(id: string, name: string) {
  const result = report(actions.deleteScenario(id));
  if (!result.ok) return;
  uiStore.getState().setActiveScenario(null);
  uiStore.getState().notify(`Deleted scenario “${name}”`, 'info', { label: 'Undo', run: () => documentStore.getState().undo() });
}

export function ScenarioPanel() {
  const scenario = useActiveScenario();
  const count = useDocument((s) => s.diagram.scenarios.length);
  return (
    <div className="fl-scenario-panel">
      <div className="fl-scenario-settings">
        {scenario ? (
          <>
            <TextField label="Scenario name" value={scenario.name} onCommit={(name) => report(actions.renameScenario(scenario.id, name))} />
            {SCENARIO_FIELDS.map((field) => (
              <FieldInput
                key={field.key}
                field={field}
                value={scenario[field.key]}
                overridden={false}
                onCommit={(v: FieldValue | undefined) => {
                  const r = actions.setScenarioSetting(scenario.id, field.key, v as number);
                  return r.ok ? null : r.reason;
                }}
              />
            ))}
          </>
        ) : (
          <p className="fl-muted">The Baseline scenario runs 60 s of each client’s own traffic, seed 1. Inject a fault or add a scenario to change it.</p>
        )}
        <div className="fl-scenario-actions">
          <button type="button" className="fl-button" onClick={() => addScenario(false)}>
            <Plus size={13} aria-hidden="true" /> New scenario
          </button>
          {scenario ? (
            <button type="button" className="fl-button" onClick={() => addScenario(true)}>
              <Copy size={13} aria-hidden="true" /> Duplicate
            </button>
          ) : null}
          {scenario && count > 0 ? (
            <button type="button" className="fl-button" onClick={() => deleteScenario(scenario.id, scenario.name)}>
              <Trash2 size={13} aria-hidden="true" /> Delete
            </button>
          ) : null}
        </div>
      </div>
      {scenario ? <FaultLanes scenario={scenario} /> : <NoFaults />}
    </div>
  );
}
