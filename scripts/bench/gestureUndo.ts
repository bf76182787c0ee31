// Gesture undo: 1,000 selected nodes dragged for 180 frames (3 s at 60 fps) through the Editor's
// own drag path (TestEditor, in Node), then undone. Reference, same process and input: the same
// frames recorded the way the first wave did, every frame's immer patches kept, and undone by
// replaying all of their inverses.
import { applyPatches, type Patch, produceWithPatches } from 'immer';
import { TestEditor } from '../../src/editor/TestEditor';
import { moveNodes } from '../../src/model/edits';
import type { Diagram, XY } from '../../src/model';
import { median } from './browser';
import { gridDiagram } from './generate';

const NODES = 1000;
const FRAMES = 180;
const REPEATS = 5;

function framePositions(d: Diagram, frame: number): Map<string, XY> {
  return new Map(d.nodes.map((n) => [n.id, { x: n.position.x + frame, y: n.position.y + frame / 2 }]));
}

function editorRun(d: Diagram): { undoMs: number; patches: number } {
  const editor = new TestEditor(d);
  const ids = d.nodes.map((n) => n.id);
  editor.canvas.beginDrag();
  for (let f = 1; f <= FRAMES; f++) editor.canvas.drag(framePositions(d, f), null, ids);
  editor.canvas.endDrag(ids);
  const entry = editor.doc.getState().past.at(-1)!;
  const t0 = performance.now();
  editor.doc.getState().undo();
  const undoMs = performance.now() - t0;
  if (editor.diagram.nodes[0].position.x !== d.nodes[0].position.x) throw new Error('undo did not restore the drag');
  return { undoMs, patches: entry.patches.length };
}

function perFrameRun(d: Diagram): { undoMs: number; patches: number } {
  let current = d;
  const inverses: Patch[][] = [];
  for (let f = 1; f <= FRAMES; f++) {
    const [next, , inverse] = produceWithPatches(current, (draft) => moveNodes(draft, framePositions(d, f)));
    inverses.push(inverse);
    current = next;
  }
  const t0 = performance.now();
  for (let i = inverses.length - 1; i >= 0; i--) current = applyPatches(current, inverses[i]);
  const undoMs = performance.now() - t0;
  return { undoMs, patches: inverses.reduce((n, p) => n + p.length, 0) };
}

export function gestureUndoFigures(): Record<string, string> {
  const d = gridDiagram(NODES, 1500);
  const editor: { undoMs: number; patches: number }[] = [];
  const perFrame: { undoMs: number; patches: number }[] = [];
  for (let r = 0; r < REPEATS; r++) {
    editor.push(editorRun(d));
    perFrame.push(perFrameRun(d));
  }
  const editorMs = median(editor.map((x) => x.undoMs));
  const perFrameMs = median(perFrame.map((x) => x.undoMs));
  return {
    'gesture undo input': `${NODES} selected nodes dragged for ${FRAMES} frames (generated grid, seed 7), Node, median of ${REPEATS}`,
    'gesture undo, Editor (goal <= 50 ms)': `${editorMs.toFixed(1)} ms, ${editor[0].patches} patches in the undo step`,
    'gesture undo, every frame recorded (first-wave reference)': `${perFrameMs.toFixed(1)} ms, ${perFrame[0].patches} patches`,
    'gesture undo ratio Editor/reference': (editorMs / perFrameMs).toFixed(3),
  };
}
