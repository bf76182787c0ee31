// The Editor: one object that owns the application's state and behaviour. The document (with its
// history), the UI state, the replay, the interview timer and the save status are its stores; the
// command registry, canvas interaction, clipboard, runs and the question sources are its parts.
// What it needs from the world (viewport, storage, simulator, layout, clipboard, downloads) is
// injected, so the same Editor runs in the browser, in Node and under TestEditor. React reads it
// from context and calls its methods; nothing here imports React, React Flow or Dexie.
import type { Diagram, Result } from '../model';
import { createDiagram } from '../model';
import { type ActionCall, type ActionMethods, type ActionName, type ActionResult, actionMethods, applyAction } from './actions';
import { CanvasInteraction } from './canvasInteraction';
import { ClipboardActions } from './clipboard';
import { registerDefaultCommands } from './commands';
import { CommandRegistry } from './commands/registry';
import type { KeyLike } from './commands/shortcut';
import { createDocumentStore, type DocumentStore } from './documentStore';
import { InterviewControl } from './interviewControl';
import { LiveControl } from './liveControl';
import { createPlaybackStore, type PlaybackStore } from './playbackStore';
import type { EditorStorage, Env, LayoutPort, SimulatorPort, ViewportPort } from './ports';
import { QuestionSources } from './questions';
import { MermaidOut } from './mermaidOut';
import { RunControl } from './runControl';
import { StudyControl } from './studies';
import { createSaveStatus, type SaveStatusStore } from './saveStatus';
import { createTimerStore, type TimerStore } from './timerStore';
import { createUiStore, type Toast, type UiStore } from './uiStore';

export interface EditorOptions {
  env: Env;
  simulator: SimulatorPort;
  layout: LayoutPort;
  /** Cmd rather than Ctrl for "Mod" shortcuts. */
  mac?: boolean;
  diagram?: Diagram;
}

export class Editor {
  readonly doc: DocumentStore;
  readonly ui: UiStore = createUiStore();
  readonly playback: PlaybackStore = createPlaybackStore();
  readonly timer: TimerStore = createTimerStore();
  readonly saveStatus: SaveStatusStore = createSaveStatus();
  readonly commands: CommandRegistry;
  /** Every document change as a method: `editor.actions.connect(a, b)`. */
  readonly actions: ActionMethods;
  readonly canvas: CanvasInteraction;
  readonly clipboard: ClipboardActions;
  readonly runs: RunControl;
  /** The open diagram as Mermaid (in its author's text when it came from one). */
  readonly mermaid = new MermaidOut();
  readonly questions: QuestionSources;
  /** The live session, when there is one: shared document, presence, per-person undo. */
  readonly live: LiveControl;
  /** The interviewer's scorecard and the recorded session. */
  readonly interview: InterviewControl;
  /** Replications and sweeps of the open diagram. */
  readonly studies: StudyControl;
  readonly env: Env;
  readonly simulator: SimulatorPort;
  readonly layout: LayoutPort;
  /** The mounted canvas, while there is one. */
  viewport: ViewportPort | null = null;
  /** The library, once it has opened (it loads after the first paint). */
  storage: EditorStorage | null = null;
  /** Resolves with the library once it is attached. */
  readonly storageReady: Promise<EditorStorage>;
  private resolveStorage!: (s: EditorStorage) => void;

  constructor(options: EditorOptions) {
    this.env = options.env;
    this.simulator = options.simulator;
    this.layout = options.layout;
    this.doc = createDocumentStore(options.diagram ?? createDiagram());
    this.commands = new CommandRegistry(options.mac ?? false);
    registerDefaultCommands(this.commands);
    this.actions = actionMethods((call) => this.apply(call));
    this.canvas = new CanvasInteraction(this);
    this.clipboard = new ClipboardActions(this);
    this.runs = new RunControl(this);
    this.questions = new QuestionSources(this);
    this.live = new LiveControl(this);
    this.interview = new InterviewControl(this);
    this.studies = new StudyControl(this);
    this.storageReady = new Promise((resolve) => (this.resolveStorage = resolve));
  }

  get diagram(): Diagram {
    return this.doc.getState().diagram;
  }

  /** The one apply path: a named action, as data, through the document store. */
  apply<N extends ActionName>(call: ActionCall<N>): ActionResult<N> {
    // A viewer of a live session watches: every document change is refused, with the reason.
    if (this.live.readOnly || this.interview.previewing) {
      const reason = this.live.readOnly
        ? 'You are viewing this live session: ask for an editor link to change it'
        : 'You are looking at an earlier moment of the interview: go back to now to edit';
      if (!this.ui.getState().toasts.some((t) => t.message === reason)) this.notify(reason, 'error');
      return { ok: false, reason } as ActionResult<N>;
    }
    return applyAction(this.doc, call);
  }

  attachStorage(storage: EditorStorage): void {
    this.storage = storage;
    this.resolveStorage(storage);
    void this.interview.restore();
  }

  notify(message: string, tone: Toast['tone'] = 'info', action?: Toast['action']): void {
    this.ui.getState().notify(message, tone, action);
  }

  /** Shows a refusal's reason, or what a kept edit repaired; passes results through. */
  report<T>(result: T): T {
    const r = result as Partial<Result<unknown>> | undefined;
    if (r && r.ok === false && r.reason) this.notify(r.reason, 'error');
    else if (r && r.ok === true && r.notice) this.notify(r.notice);
    return result;
  }

  /** Undo or redo, announced. In a live session they undo this person's own changes only. */
  undo(): string | null {
    if (this.live.active) return this.live.undo() ? 'your last change' : null;
    const label = this.doc.getState().undo();
    if (label) this.notify(`Undid: ${label}`);
    return label;
  }

  redo(): string | null {
    if (this.live.active) return this.live.redo() ? 'your last change' : null;
    const label = this.doc.getState().redo();
    if (label) this.notify(`Redid: ${label}`);
    return label;
  }

  canUndo(): boolean {
    return this.live.active ? this.live.canUndo() : this.doc.getState().past.length > 0;
  }

  canRedo(): boolean {
    return this.live.active ? this.live.canRedo() : this.doc.getState().future.length > 0;
  }

  /** Runs the command a key presses; true if one ran. Typing and dialogs are filtered by the caller. */
  handleKey(e: KeyLike): boolean {
    const command = this.commands.forKey(e, this);
    if (!command) return false;
    void command.run(this);
    return true;
  }

  selectedNodeIds(): string[] {
    return [...this.ui.getState().selectedNodes];
  }

  /** The one selected node's id, or null. */
  singleSelectedNode(): string | null {
    const s = this.ui.getState().selectedNodes;
    return s.size === 1 ? [...s][0] : null;
  }

  hasSelection(): boolean {
    const s = this.ui.getState();
    return s.selectedNodes.size + s.selectedEdges.size > 0;
  }
}
