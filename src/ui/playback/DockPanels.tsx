// The bodies of the simulation panel's tabs, loaded after the first paint: drawing the canvas
// does not wait for them. Charts load uPlot only when first shown.
import { lazy } from 'react';
import type { DockTab } from '../../editor/uiStore';
import { FlowPanel } from './FlowPanel';
import { IncidentList } from './IncidentList';
import { RunsPanel } from './RunsPanel';
import { ScenarioPanel } from './ScenarioPanel';

const ChartsPanel = lazy(() => import('./ChartsPanel').then((m) => ({ default: m.ChartsPanel })));
const ComparePanel = lazy(() => import('./ComparePanel').then((m) => ({ default: m.ComparePanel })));
const StudiesPanel = lazy(() => import('../studies/StudiesPanel').then((m) => ({ default: m.StudiesPanel })));

export function TabBody({ tab }: { tab: DockTab }) {
  switch (tab) {
    case 'faults':
      return <ScenarioPanel />;
    case 'incident':
      return <IncidentList />;
    case 'charts':
      return <ChartsPanel />;
    case 'compare':
      return <ComparePanel />;
    case 'runs':
      return <RunsPanel />;
    case 'studies':
      return <StudiesPanel />;
    case 'flows':
      return <FlowPanel />;
  }
}
