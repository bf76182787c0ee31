// Simulation and replay commands for the menus, shortcuts and the command palette. The replay
// keys (Space, arrows, Home/End, L, [ ]) act only while a run is open.
import { SPEEDS } from '../../playback/clock';
import type { DockTab } from '../../store/uiStore';
import { registerCommands, type Command } from '../commands/registry';
import { playback, uiStore } from '../stores';
import { cancelRun, runScenario } from './runScenario';

const replaying = () => playback.getState().run !== null;
const running = () => playback.getState().status.kind === 'running';
const SEEK_MS = 1_000;

function seekBy(ms: number) {
  const pb = playback.getState();
  pb.pause();
  pb.seek(pb.t + ms);
}

function changeSpeed(step: 1 | -1) {
  const pb = playback.getState();
  const i = SPEEDS.indexOf(pb.speed);
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + step))];
  pb.setSpeed(next);
  uiStore.getState().notify(`Replay speed ${next}×`);
}

/** Opens the fault menu of the one selected node or connection, where it is on screen. */
function openMenuOnSelection() {
  const ui = uiStore.getState();
  const node = ui.selectedNodes.size === 1 ? [...ui.selectedNodes][0] : null;
  const edge = !node && ui.selectedEdges.size === 1 ? [...ui.selectedEdges][0] : null;
  const id = node ?? edge;
  if (!id) return;
  const el = document.querySelector(`.react-flow__${node ? 'node' : 'edge'}[data-id="${CSS.escape(id)}"]`);
  const r = el?.getBoundingClientRect();
  ui.openContextMenu({
    x: r ? r.left + r.width / 2 : innerWidth / 2,
    y: r ? r.top + r.height / 2 : innerHeight / 2,
    target: { type: node ? 'node' : 'edge', id },
  });
}

const tab = (id: DockTab, label: string): Command => ({ id: `sim.tab.${id}`, label, menu: 'Simulate', run: () => uiStore.getState().showDock(id) });

registerCommands([
  { id: 'sim.run', label: 'Run scenario', menu: 'Simulate', shortcuts: ['Mod+Enter'], when: () => !running(), run: () => void runScenario() },
  { id: 'sim.cancel', label: 'Cancel run', menu: 'Simulate', shortcuts: ['Escape'], when: running, run: cancelRun },
  {
    id: 'sim.inject',
    label: 'Inject fault on selection…',
    menu: 'Simulate',
    shortcuts: ['Shift+F10', 'ContextMenu'],
    when: () => uiStore.getState().selectedNodes.size + uiStore.getState().selectedEdges.size === 1,
    run: openMenuOnSelection,
  },
  { id: 'sim.play', label: 'Play or pause replay', menu: 'Simulate', shortcuts: ['Space'], when: replaying, run: () => playback.getState().togglePlay() },
  { id: 'sim.back', label: 'Back one second', shortcuts: ['ArrowLeft'], when: replaying, run: () => seekBy(-SEEK_MS) },
  { id: 'sim.forward', label: 'Forward one second', shortcuts: ['ArrowRight'], when: replaying, run: () => seekBy(SEEK_MS) },
  {
    id: 'sim.previousEvent',
    label: 'Previous event',
    menu: 'Simulate',
    shortcuts: ['Shift+ArrowLeft'],
    when: replaying,
    run: () => void playback.getState().jump(-1),
  },
  { id: 'sim.nextEvent', label: 'Next event', menu: 'Simulate', shortcuts: ['Shift+ArrowRight'], when: replaying, run: () => void playback.getState().jump(1) },
  { id: 'sim.start', label: 'Go to the start of the run', shortcuts: ['Home'], when: replaying, run: () => playback.getState().seek(0) },
  { id: 'sim.end', label: 'Go to the end of the run', shortcuts: ['End'], when: replaying, run: () => playback.getState().seek(Number.MAX_SAFE_INTEGER) },
  { id: 'sim.faster', label: 'Replay faster', menu: 'Simulate', shortcuts: [']'], when: replaying, run: () => changeSpeed(1) },
  { id: 'sim.slower', label: 'Replay slower', menu: 'Simulate', shortcuts: ['['], when: replaying, run: () => changeSpeed(-1) },
  {
    id: 'sim.loop',
    label: 'Loop replay on or off',
    menu: 'Simulate',
    shortcuts: ['L'],
    when: replaying,
    run: () => playback.getState().setLoop(!playback.getState().loop),
  },
  { id: 'sim.close', label: 'Close replay', menu: 'Simulate', shortcuts: ['Escape'], when: replaying, run: () => playback.getState().close() },
  {
    id: 'view.simPanel',
    label: 'Show or hide simulation panel',
    menu: 'View',
    shortcuts: ['Mod+J'],
    run: () => uiStore.getState().showDock(undefined, !uiStore.getState().dockOpen),
  },
  tab('faults', 'Show faults'),
  tab('incident', 'Show incident timeline'),
  tab('charts', 'Show charts'),
  tab('compare', 'Compare runs'),
  tab('runs', 'Show recorded runs'),
]);
