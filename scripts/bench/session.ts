// Interview session benchmark: a generated 60-minute session of 2,000 edits (moves, drags, renames,
// settings, added and removed nodes) on a 200-node diagram, recorded through the Editor's own
// change feed (TestEditor, Node). Its stored size (JSON, as IndexedDB would keep it) and the time
// to seek to random moments; reference, same process: replaying from the start without
// checkpoints.
import { applyPatches } from 'immer';
import { TestEditor } from '../../src/editor/TestEditor';
import { SessionPlayer, SessionRecorder } from '../../src/interview/session';
import { median, percentile } from './browser';
import { gridDiagram, mulberry32 } from './generate';

const EDITS = 2000;
const MINUTES = 60;
const SEEKS = 200;

export async function runSessionBench(): Promise<Record<string, string>> {
  const e = new TestEditor(gridDiagram(200, 300));
  let now = 0;
  const rec = new SessionRecorder(e.doc, () => now, { id: 'bench', startedAt: 0, phases: [{ name: 'Interview', minutes: MINUTES }] });
  const random = mulberry32(11);
  const ids = () => e.diagram.nodes.map((n) => n.id);
  for (let i = 0; i < EDITS; i++) {
    now = Math.round(((i + 1) / EDITS) * MINUTES * 60_000);
    const all = ids();
    const id = all[Math.floor(random() * all.length)];
    const r = random();
    if (r < 0.5) {
      // A drag of 30 frames: one change.
      e.canvas.beginDrag();
      for (let f = 1; f <= 30; f++) e.canvas.drag(new Map([[id, { x: f * 4 + i, y: f * 2 }]]), null, [id]);
      e.canvas.endDrag([id]);
    } else if (r < 0.7) e.actions.rename(id, `Component ${i}`);
    else if (r < 0.85) e.actions.setNodeProp(id, 'replicas', 1 + Math.floor(random() * 20));
    else if (r < 0.95) e.actions.addComponent('service', { x: random() * 3000, y: random() * 2000 }, { label: `Added ${i}` });
    else e.actions.deleteElements([id], []);
    if (i % 200 === 0) rec.note(`Note at edit ${i}`, `n${i}`, { nodeId: id });
  }
  rec.stop();
  const bytes = new TextEncoder().encode(JSON.stringify(rec.session)).length;
  const built0 = performance.now();
  const player = new SessionPlayer(rec.session);
  const buildMs = performance.now() - built0;
  const seeks: number[] = [];
  const fromStart: number[] = [];
  const changes = rec.session.events.filter((x) => x.type === 'change');
  for (let s = 0; s < SEEKS; s++) {
    const t = random() * MINUTES * 60_000;
    const t0 = performance.now();
    const d = player.at(t);
    seeks.push(performance.now() - t0);
    const t1 = performance.now();
    let ref = rec.session.initial;
    for (const c of changes) {
      if (c.t > t) break;
      ref = applyPatches(ref, c.patches);
    }
    fromStart.push(performance.now() - t1);
    if (ref.nodes.length !== d.nodes.length) throw new Error('seek and replay disagree');
  }
  const end = player.at(Number.POSITIVE_INFINITY);
  if (JSON.stringify(end) !== JSON.stringify(e.diagram)) throw new Error('the replayed end is not the diagram');
  return {
    'session input': `200-node, 300-edge generated grid; ${EDITS} edits over ${MINUTES} minutes (half of them 30-frame drags), ${rec.session.events.length - changes.length} notes; Node, TestEditor`,
    'stored size, JSON (goal <= 2 MB)': `${(bytes / 1024 / 1024).toFixed(2)} MB (${changes.length} changes)`,
    'seek to a random moment, median / p95 / max (goal <= 100 ms)': `${median(seeks).toFixed(2)} / ${percentile(seeks, 95).toFixed(2)} / ${Math.max(...seeks).toFixed(2)} ms (checkpoint every 100 changes; built in ${buildMs.toFixed(0)} ms)`,
    'the same seek replayed from the start (reference), median / p95': `${median(fromStart).toFixed(2)} / ${percentile(fromStart, 95).toFixed(2)} ms`,
  };
}
