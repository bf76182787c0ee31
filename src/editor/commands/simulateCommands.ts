// Simulation and replay commands. The replay keys (Space, arrows, Home/End, L, [ ]) act only
// while a run is open; Escape cancels a run before anything else, and closes a replay last.
import { SPEEDS } from '../../playback/clock';
import type { Editor } from '../Editor';
import type { DockTab } from '../uiStore';
import type { Command } from './registry';

const replaying = (e: Editor) => e.playback.getState().run !== null;
const running = (e: Editor) => e.playback.getState().status.kind === 'running';
const SEEK_MS = 1_000;

function seekBy(e: Editor, ms: number) {
  const pb = e.playback.getState();
  pb.pause();
  pb.seek(pb.t + ms);
}

function changeSpeed(e: Editor, step: 1 | -1) {
  const pb = e.playback.getState();
  const i = SPEEDS.indexOf(pb.speed);
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + step))];
  pb.setSpeed(next);
  e.notify(`Replay speed ${next}×`);
}

const tab = (id: DockTab, label: string): Command => ({ id: `sim.tab.${id}`, label, menu: 'Simulate', run: (e) => e.ui.getState().showDock(id) });

export const SIMULATE_COMMANDS: readonly Command[] = [
  { id: 'sim.run', label: 'Run scenario', menu: 'Simulate', shortcuts: ['Mod+Enter'], when: (e) => !running(e), run: (e) => void e.runs.run() },
  { id: 'sim.cancel', label: 'Cancel run', menu: 'Simulate', shortcuts: ['Escape'], priority: 30, when: running, run: (e) => e.runs.cancel() },
  {
    id: 'sim.inject',
    label: 'Inject fault on selection…',
    menu: 'Simulate',
    shortcuts: ['Shift+F10', 'ContextMenu'],
    when: (e) => e.ui.getState().selectedNodes.size + e.ui.getState().selectedEdges.size === 1,
    run: (e) => e.canvas.openFaultMenuOnSelection(),
  },
  { id: 'sim.play', label: 'Play or pause replay', menu: 'Simulate', shortcuts: ['Space'], when: replaying, run: (e) => e.playback.getState().togglePlay() },
  { id: 'sim.back', label: 'Back one second', shortcuts: ['ArrowLeft'], when: replaying, run: (e) => seekBy(e, -SEEK_MS) },
  { id: 'sim.forward', label: 'Forward one second', shortcuts: ['ArrowRight'], when: replaying, run: (e) => seekBy(e, SEEK_MS) },
  {
    id: 'sim.previousEvent',
    label: 'Previous event',
    menu: 'Simulate',
    shortcuts: ['Shift+ArrowLeft'],
    when: replaying,
    run: (e) => void e.playback.getState().jump(-1),
  },
  {
    id: 'sim.nextEvent',
    label: 'Next event',
    menu: 'Simulate',
    shortcuts: ['Shift+ArrowRight'],
    when: replaying,
    run: (e) => void e.playback.getState().jump(1),
  },
  { id: 'sim.start', label: 'Go to the start of the run', shortcuts: ['Home'], when: replaying, run: (e) => e.playback.getState().seek(0) },
  { id: 'sim.end', label: 'Go to the end of the run', shortcuts: ['End'], when: replaying, run: (e) => e.playback.getState().seek(Number.MAX_SAFE_INTEGER) },
  { id: 'sim.faster', label: 'Replay faster', menu: 'Simulate', shortcuts: [']'], when: replaying, run: (e) => changeSpeed(e, 1) },
  { id: 'sim.slower', label: 'Replay slower', menu: 'Simulate', shortcuts: ['['], when: replaying, run: (e) => changeSpeed(e, -1) },
  {
    id: 'sim.loop',
    label: 'Loop replay on or off',
    menu: 'Simulate',
    shortcuts: ['L'],
    when: replaying,
    run: (e) => e.playback.getState().setLoop(!e.playback.getState().loop),
  },
  {
    id: 'sim.exportVideo',
    label: 'Export replay as video or GIF…',
    menu: 'Simulate',
    when: replaying,
    run: (e) => e.ui.getState().toggle('videoDialogOpen', true),
  },
  {
    id: 'sim.postmortem',
    label: 'Write a postmortem of this run…',
    menu: 'Simulate',
    when: replaying,
    run: (e) => e.ui.getState().toggle('postmortemOpen', true),
  },
  { id: 'sim.close', label: 'Close replay', menu: 'Simulate', shortcuts: ['Escape'], priority: 10, when: replaying, run: (e) => e.playback.getState().close() },
  {
    id: 'view.simPanel',
    label: 'Show or hide simulation panel',
    menu: 'View',
    shortcuts: ['Mod+J'],
    run: (e) => e.ui.getState().showDock(undefined, !e.ui.getState().dockOpen),
  },
  tab('faults', 'Show faults'),
  tab('incident', 'Show incident timeline'),
  tab('charts', 'Show charts'),
  tab('compare', 'Compare runs'),
  tab('runs', 'Show recorded runs'),
  tab('studies', 'Studies: replicate over seeds, sweep load or a setting'),
  {
    id: 'sim.replicate',
    label: 'Replicate scenario over 10 seeds',
    menu: 'Simulate',
    keywords: ['confidence interval', 'seeds', 'noise', 'statistics', 'replications'],
    when: (e) => e.studies.store.getState().running === null,
    run: (e) => void e.studies.replicate(),
  },
  { id: 'sim.cancelStudy', label: 'Cancel study', menu: 'Simulate', when: (e) => e.studies.store.getState().running !== null, run: (e) => e.studies.cancel() },
];
