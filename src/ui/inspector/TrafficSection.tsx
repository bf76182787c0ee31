// A client's traffic in the active scenario: the client's own settings are the defaults, and a
// scenario can override them (the "Black Friday" scenario sends five times as much).
import { nodeField, TRAFFIC_KEYS, type ClientTraffic, type FieldValue, type NodeProps } from '../../model';
import { useEditor, useUi } from '../../react/editorContext';
import { useActiveScenario } from '../playback/useScenario';
import { FieldInput } from './FieldInput';

export function TrafficSection({ clientId, own }: { clientId: string; own: NodeProps }) {
  const editor = useEditor();
  const scenario = useActiveScenario();
  const activeId = useUi((s) => s.activeScenarioId);
  const traffic: ClientTraffic = scenario?.traffic[clientId] ?? {};
  return (
    <section className="fl-inspector-section" aria-label="Traffic in this scenario">
      <h3>Traffic in “{scenario?.name ?? 'Baseline'}”</h3>
      {TRAFFIC_KEYS.map((key) => (
        <FieldInput
          key={key}
          field={nodeField(key)!}
          value={(traffic[key] ?? own[key]) as FieldValue}
          overridden={traffic[key] !== undefined}
          onCommit={(v) => {
            const r = editor.actions.setTraffic(scenario?.id ?? activeId, clientId, key, v as ClientTraffic[typeof key]);
            return r.ok ? null : r.reason;
          }}
        />
      ))}
    </section>
  );
}
