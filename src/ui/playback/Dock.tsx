// The simulation panel under the canvas: the run bar, then tabs for the scenario's faults, the
// incident timeline, charts, comparisons, stored runs and request flows.
import { ChevronDown, ChevronUp } from 'lucide-react';
import { lazy, Suspense } from 'react';
import type { DockTab } from '../../editor/uiStore';
import { useEditor, useDocument, usePlayback, useUi } from '../../react/editorContext';
import { RunBar } from './RunBar';

const TabBody = lazy(() => import('./DockPanels').then((m) => ({ default: m.TabBody })));

const TABS: readonly { id: DockTab; label: string }[] = [
  { id: 'faults', label: 'Faults' },
  { id: 'incident', label: 'Incident timeline' },
  { id: 'charts', label: 'Charts' },
  { id: 'compare', label: 'Compare runs' },
  { id: 'runs', label: 'Runs' },
  { id: 'studies', label: 'Studies' },
  { id: 'flows', label: 'Request flows' },
];

export function Dock() {
  const editor = useEditor();
  const open = useUi((s) => s.dockOpen);
  const tab = useUi((s) => s.dockTab);
  const hasFlows = useDocument((s) => s.diagram.flows.length > 0);
  const events = usePlayback((s) => s.run?.timeline.length ?? null);
  const tabs = TABS.filter((t) => t.id !== 'flows' || hasFlows);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    editor.ui.getState().showDock(next.id);
    document.getElementById(`fl-tab-${next.id}`)?.focus();
  };
  return (
    <section className="fl-dock" aria-label="Simulation" data-open={open || undefined}>
      <RunBar />
      <div className="fl-tabs">
        <div role="tablist" aria-label="Simulation panels" onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`fl-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={t.id === tab && open}
              aria-controls="fl-dock-panel"
              tabIndex={t.id === tab ? 0 : -1}
              onClick={() => editor.ui.getState().showDock(t.id, !(open && t.id === tab))}
            >
              {t.label}
              {t.id === 'incident' && events !== null ? <span className="fl-tab-count">{events}</span> : null}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="fl-icon-button"
          aria-label={open ? 'Hide simulation panel' : 'Show simulation panel'}
          aria-expanded={open}
          onClick={() => editor.ui.getState().showDock(undefined, !open)}
        >
          {open ? <ChevronDown size={16} aria-hidden="true" /> : <ChevronUp size={16} aria-hidden="true" />}
        </button>
      </div>
      {open ? (
        <div className="fl-dock-body" id="fl-dock-panel" role="tabpanel" aria-labelledby={`fl-tab-${tab}`}>
          <Suspense fallback={<p className="fl-muted fl-panel-empty">Loading…</p>}>
            <TabBody tab={tabs.some((t) => t.id === tab) ? tab : 'faults'} />
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
