// A headless Editor for tests: an in-memory library, a canvas that maps screen to diagram one to
// one, a fake clock, the simulator and ELK in-process, and a clipboard and downloads that tests
// can read. Its drivers press keys, drag nodes, drop palette items and paste, making the same
// calls the React Flow adapter and the key handler make in the browser.
import { layoutDiagram } from '../layout/layoutDiagram';
import { createNodeElk } from '../layout/nodeElk';
import type { Diagram, NodeKind, XY } from '../model';
import { absolutePosition, indexNodes } from '../model';
import { runJobsHere } from '../sim/runPlanned';
import { simulateAsync } from '../sim/simulate';
import { keyFor } from './commands/shortcut';
import { Editor } from './Editor';
import { MemoryStorage } from './memoryStorage';
import type { Env, FileLike, LiveEnv, Rect, ViewportPort } from './ports';

export interface Download {
  text: string;
  fileName: string;
  mime?: string;
}

class FakeViewport implements ViewportPort {
  readonly calls: string[] = [];
  center: XY = { x: 0, y: 0 };
  constructor(private readonly editor: Editor) {}
  viewportCenter(): XY {
    return this.center;
  }
  fitView(): void {
    this.calls.push('fitView');
  }
  fitNodes(ids: readonly string[]): void {
    this.calls.push(`fitNodes:${ids.join(',')}`);
  }
  zoomIn(): void {
    this.calls.push('zoomIn');
  }
  zoomOut(): void {
    this.calls.push('zoomOut');
  }
  toDiagram(screen: XY): XY {
    return screen;
  }
  focusNode(id: string): void {
    this.calls.push(`focus:${id}`);
  }
  contentBounds(): Rect {
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  /** A 1280×720 view around the centre. */
  visibleArea(): Rect {
    return { x: this.center.x - 640, y: this.center.y - 360, width: 1280, height: 720 };
  }
  screenRectOf(type: 'node' | 'edge', id: string): Rect | null {
    if (type === 'edge') return null;
    const byId = indexNodes(this.editor.diagram);
    return byId.has(id) ? { ...absolutePosition(byId, id), width: 176, height: 60 } : null;
  }
  drawingElement(): HTMLElement | null {
    return null;
  }
}

export class TestEditor extends Editor {
  readonly memory: MemoryStorage;
  readonly fakeViewport: FakeViewport;
  readonly downloads: Download[] = [];
  /** What the system clipboard holds; null makes reading it fail, as a browser without permission does. */
  systemClipboard: string | null = '';
  /** Files the next pickFile calls answer with. */
  readonly filesToPick: (FileLike | null)[] = [];
  /** Answers to the next questions the Editor asks (ui.ask), by option id; null closes the dialog. */
  readonly answers: (string | null)[] = [];
  /** The titles of the questions asked so far. */
  readonly asked: string[] = [];
  clock = 1_700_000_000_000;

  /** `library: false` leaves the library for the test to attach (a Dexie session over fake-indexeddb, say). */
  constructor(diagram?: Diagram, options: { library?: boolean; live?: LiveEnv } = {}) {
    const elk = createNodeElk();
    const env: Env = {
      writeClipboard: async (text) => {
        this.systemClipboard = text;
      },
      readClipboard: async () => {
        if (this.systemClipboard === null) throw new Error('The clipboard may not be read');
        return this.systemClipboard;
      },
      download: (text, fileName, mime) => this.downloads.push({ text, fileName, mime }),
      pickFile: async () => this.filesToPick.shift() ?? null,
      nextFrame: () => Promise.resolve(),
      now: () => this.clock,
      live: options.live,
    };
    super({
      env,
      diagram,
      layout: { layout: (d) => layoutDiagram(d, elk) },
      simulator: {
        run: (d, scenario, storeFor, onProgress) => {
          let cancelled = false;
          const result = simulateAsync(d, scenario, { onProgress, isCancelled: () => cancelled, slice: 50_000 }).then((run) => ({
            run,
            record: storeFor ? this.memory.runs.add(storeFor, run, this.clock) : null,
            storeError: null,
          }));
          return {
            result: result.catch((error: Error) => {
              throw error.name === 'SimulationCancelled' ? Object.assign(new Error('cancelled'), { name: 'AbortError' }) : error;
            }),
            cancel: () => {
              cancelled = true;
            },
          };
        },
        runMany: (jobs, onProgress) => {
          let cancelled = false;
          const result = runJobsHere(
            jobs,
            (done) => onProgress(done, jobs.length),
            () => cancelled,
          ).catch((error: Error) => {
            throw error.message === 'cancelled' ? Object.assign(new Error('cancelled'), { name: 'AbortError' }) : error;
          });
          return {
            result,
            cancel: () => {
              cancelled = true;
            },
          };
        },
      },
    });
    this.memory = new MemoryStorage(this);
    this.fakeViewport = new FakeViewport(this);
    this.viewport = this.fakeViewport;
    // A question is answered from `answers` as soon as it is asked, as a person would click.
    this.ui.subscribe((ui) => {
      if (!ui.choice) return;
      this.asked.push(ui.choice.title);
      if (this.answers.length > 0) ui.answer(this.answers.shift()!);
    });
    if (options.library === false) return;
    this.attachStorage(this.memory);
    // The open diagram is in the library, as after the session has booted.
    this.memory.diagrams.set(this.diagram.id, { diagram: this.diagram, updatedAt: this.clock });
  }

  /** Presses a shortcut ("Mod+Z", "Escape"); true when a command took it. */
  press(shortcut: string): boolean {
    return this.handleKey(keyFor(shortcut, this.commands.mac));
  }

  /** Runs a command as a menu or the palette would, and waits for it; false when it is not available now. */
  async exec(id: string): Promise<boolean> {
    const c = this.commands.get(id);
    if (!c) throw new Error(`No command ${id}`);
    if (!this.commands.isAvailable(c, this)) return false;
    await c.run(this);
    return true;
  }

  available(id: string): boolean {
    const c = this.commands.get(id);
    return !!c && this.commands.isAvailable(c, this);
  }

  select(nodes: string[], edges: string[] = []): this {
    this.ui.getState().select(nodes, edges);
    return this;
  }

  /** Drags nodes by `delta` over `frames` pointer moves and drops them, as the canvas does. */
  drag(ids: string[], delta: XY, frames = 10): void {
    const start = new Map(ids.map((id) => [id, this.diagram.nodes.find((n) => n.id === id)!.position]));
    const startAbsolute = absolutePosition(indexNodes(this.diagram), ids[0]);
    this.canvas.beginDrag();
    for (let f = 1; f <= frames; f++) {
      const k = f / frames;
      const positions = new Map([...start].map(([id, p]) => [id, { x: p.x + delta.x * k, y: p.y + delta.y * k }]));
      this.canvas.drag(positions, { id: ids[0], absolute: { x: startAbsolute.x + delta.x * k, y: startAbsolute.y + delta.y * k } }, ids);
    }
    this.canvas.endDrag(ids);
  }

  /** Drops a palette item at a canvas point. */
  dropKind(kind: NodeKind, at: XY): void {
    this.canvas.dropKind(kind, at);
  }

  /** What the browser's copy (or cut) event would put on the clipboard. */
  copy(cut = false): string | null {
    const text = this.clipboard.selectionText();
    if (text) {
      this.systemClipboard = text;
      this.clipboard.copied(text, cut);
    }
    return text;
  }

  /** A paste event with this text (or what the clipboard holds). */
  paste(text = this.systemClipboard ?? ''): void {
    this.clipboard.pasteText(text);
  }

  /** The messages shown, newest last. */
  messages(): string[] {
    return this.ui.getState().toasts.map((t) => t.message);
  }

  lastMessage(): string | undefined {
    return this.messages().at(-1);
  }

  node(id: string) {
    return this.diagram.nodes.find((n) => n.id === id);
  }
}
