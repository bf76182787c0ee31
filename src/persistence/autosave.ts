// Autosave. At most `delayMs` of edits are ever unsaved; saves run one at a time and name the
// revision they started from, so a tab never writes over a newer revision from another tab: it
// reports the conflict instead. Nothing is written before the diagram has been loaded (attach).
import type { Diagram } from '../model';
import type { DocumentStore } from '../editor/documentStore';
import type { SaveStatusStore } from '../editor/saveStatus';
import type { TabChannel } from './channel';
import { classifyStorageError, PROBLEM_TEXT } from './errors';
import type { Journal } from './journal';
import { NewerDataError, type SaveResult } from './library';

export interface SaveTarget {
  save(d: Diagram, expected: number): Promise<SaveResult>;
  /** One attempt to reopen a closed connection. */
  reopen(): Promise<void>;
}

export interface AutosaveOptions {
  delayMs: number;
  journal: Journal;
  channel: TabChannel;
  tab: string;
  /** Another tab saved a newer revision and this one has nothing unsaved: show theirs. */
  reloadFromElsewhere(diagramId: string): Promise<void>;
}

export class Autosaver {
  private diagramId: string | null = null;
  private revision = 0;
  private saved: Diagram | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  private readonly stopListening: () => void;

  constructor(
    private readonly doc: DocumentStore,
    private readonly target: SaveTarget,
    private readonly status: SaveStatusStore,
    private readonly options: AutosaveOptions,
  ) {
    this.stopListening = options.channel.listen((m) => {
      if (m.tab === options.tab || m.diagramId !== this.diagramId || m.revision <= this.revision) return;
      if (this.dirty) this.status.getState().set({ kind: 'conflict', theirs: m.revision });
      else void options.reloadFromElsewhere(m.diagramId);
    });
  }

  get dirty(): boolean {
    return this.diagramId !== null && this.doc.getState().diagram !== this.saved;
  }

  get currentRevision(): number {
    return this.revision;
  }

  /** Starts saving the loaded diagram, known to be stored at `revision`. */
  attach(diagram: Diagram, revision: number): void {
    this.detach();
    this.diagramId = diagram.id;
    this.revision = revision;
    this.saved = diagram;
    this.stopped = false;
    this.status.getState().set({ kind: 'saved', at: Date.now() });
    this.unsubscribe = this.doc.subscribe((s, prev) => {
      if (s.diagram !== prev.diagram && s.diagram.id === this.diagramId) this.changed();
    });
  }

  /** Stops saving (an unsaved copy, a read-only tab, another diagram opened). */
  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.diagramId = null;
  }

  dispose(): void {
    this.detach();
    this.stopListening();
  }

  private changed(): void {
    if (this.stopped) return;
    const kind = this.status.getState().state.kind;
    if (kind !== 'conflict' && kind !== 'failed') this.status.getState().set({ kind: 'pending' });
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, this.options.delayMs);
  }

  /** Saves now if anything is unsaved; resolves when stored (or refused). */
  async saveNow(): Promise<void> {
    if (this.running) {
      await this.running;
      if (this.dirty) return this.saveNow();
      return;
    }
    if (!this.dirty || this.stopped || this.status.getState().state.kind === 'conflict') return;
    this.running = this.write().finally(() => (this.running = null));
    await this.running;
    if (this.dirty && !this.stopped && this.status.getState().state.kind === 'pending') this.changed();
  }

  private async write(attempt = 0): Promise<void> {
    const snapshot = this.doc.getState().diagram;
    const id = this.diagramId!;
    this.status.getState().set({ kind: 'saving' });
    try {
      const result = await this.target.save(snapshot, this.revision);
      if (this.diagramId !== id) return;
      if (!result.ok) {
        this.status.getState().set({ kind: 'conflict', theirs: result.conflict });
        return;
      }
      this.revision = result.revision;
      this.saved = snapshot;
      this.options.journal.clear();
      this.options.channel.post({ type: 'saved', diagramId: id, revision: result.revision, tab: this.options.tab });
      this.status.getState().set(this.dirty ? { kind: 'pending' } : { kind: 'saved', at: Date.now() });
    } catch (error) {
      if (error instanceof NewerDataError) {
        this.stopped = true;
        this.status.getState().set({ kind: 'readonly', reason: error.message });
        return;
      }
      const problem = classifyStorageError(error);
      if (problem === 'closed' && attempt === 0) {
        try {
          await this.target.reopen();
          return this.write(1);
        } catch {
          // fall through to "not saving"
        }
      }
      if (problem === 'newer-version') {
        this.stopped = true;
        this.status.getState().set({ kind: 'readonly', reason: PROBLEM_TEXT[problem] });
        return;
      }
      this.status.getState().set({ kind: 'failed', reason: PROBLEM_TEXT[problem] });
    }
  }

  /** The page is going away or out of sight: save now, and journal the edits synchronously. */
  flushForExit(): void {
    if (!this.dirty || this.stopped) return;
    this.options.journal.write({ diagramId: this.diagramId!, baseRevision: this.revision, writtenAt: Date.now(), doc: this.doc.getState().diagram });
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.saveNow();
  }

  /** After a conflict or a failure was dealt with: the diagram now stands at `revision`. */
  resume(diagram: Diagram, revision: number): void {
    this.attach(diagram, revision);
  }
}
