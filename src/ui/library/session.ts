// The app's storage session, the Editor's library in the browser: it opens IndexedDB (Dexie),
// reopens the last diagram (or a shared one, as an unsaved copy), recovers journaled edits, keeps
// autosave running, and carries out library commands. Made by the app after the first paint, so
// Dexie is not in the initial JavaScript; tests make one over fake-indexeddb.
import type { DeletedDiagram, DiagramListing, EditorStorage, FileLike } from '../../editor/ports';
import type { Editor } from '../../editor/Editor';
import { diagramFromFile } from '../../editor/openFile';
import { restoreDiagram } from '../../files/restoreDiagram';
import type { Diagram } from '../../model';
import { createDiagram, newId } from '../../model';
import { Autosaver } from '../../persistence/autosave';
import { broadcastChannel, type TabChannel } from '../../persistence/channel';
import { FaultlineDb } from '../../persistence/db';
import { classifyStorageError, PROBLEM_TEXT } from '../../persistence/errors';
import { type Journal, localStorageJournal } from '../../persistence/journal';
import { type Deleted, Library, type Loaded, NewerDataError } from '../../persistence/library';
import { QuestionStore } from '../../persistence/questions';
import { RubricStore } from '../../persistence/rubrics';
import { StudyStore } from '../../persistence/studies';
import { RunStore } from '../../persistence/runs';

const LAST_OPEN = 'lastOpenDiagram';
/** The fragment a share link starts with (kept here so checking for it loads nothing). */
const SHARE_PREFIX = 'share=';
// Files and links are rarer than opening the app: their code (fflate, valibot) loads when used.
const files = () => import('../../files/diagramFile');
const links = () => import('../../files/shareLink');
const AUTOSAVE_MS = 700;

/** What the session needs of the page it runs in. */
export interface SessionEnv {
  openDatabase(): FaultlineDb;
  journal: Journal;
  channel: TabChannel;
  /** The address's fragment, without "#". */
  fragment(): string;
  clearFragment(): void;
  /** The page's address without its fragment, for share links. */
  pageUrl(): string;
  /** Calls back when the page is going away or out of sight. */
  onExit(flush: () => void): void;
}

export function browserSessionEnv(): SessionEnv {
  return {
    openDatabase: () => new FaultlineDb(),
    journal: localStorageJournal(),
    channel: broadcastChannel(),
    fragment: () => location.hash.slice(1),
    clearFragment: () => history.replaceState(null, '', location.pathname + location.search),
    pageUrl: () => `${location.origin}${location.pathname}`,
    onExit(flush) {
      addEventListener('pagehide', flush);
      document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    },
  };
}

export class LibrarySession implements EditorStorage {
  db: FaultlineDb | null = null;
  library: Library | null = null;
  runs: RunStore | null = null;
  questions: QuestionStore | null = null;
  rubrics: RubricStore | null = null;
  studies: StudyStore | null = null;
  private autosaver: Autosaver | null = null;
  private readonly tab = newId('w');
  private listeners = new Set<() => void>();

  constructor(
    private readonly editor: Editor,
    private readonly env: SessionEnv,
  ) {}

  get available(): boolean {
    return this.library !== null;
  }

  private get doc() {
    return this.editor.doc;
  }

  private get status() {
    return this.editor.saveStatus.getState();
  }

  onListChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private listChanged() {
    for (const l of this.listeners) l();
  }

  async listDiagrams(): Promise<DiagramListing[]> {
    return (await this.library?.list()) ?? [];
  }

  async boot(): Promise<void> {
    this.status.set({ kind: 'loading' });
    const shared = this.env.fragment().startsWith(SHARE_PREFIX) ? this.env.fragment() : null;
    await this.openDatabase();
    if (shared) {
      await this.openShared(shared);
      return;
    }
    // Without storage the page keeps whatever is open, including anything drawn already.
    if (!this.library) return;
    try {
      await this.recoverJournal();
      const last = await this.library.getSetting<string>(LAST_OPEN);
      let loaded = last ? await this.library.load(last) : null;
      if (!loaded) {
        const newest = (await this.library.list())[0];
        loaded = newest ? await this.library.load(newest.id) : null;
      }
      // Decided in the same step that replaces the document, so nothing drawn while storage
      // was loading (however late) is replaced: that work is kept and stored instead.
      if (loaded && this.doc.getState().past.length === 0) await this.show(loaded);
      else await this.keepOpen();
    } catch (error) {
      this.storageFailed(error);
    }
  }

  private async openDatabase(): Promise<void> {
    try {
      const db = this.env.openDatabase();
      await db.open();
      db.on('versionchange', () => {
        db.close();
        this.autosaver?.detach();
        this.status.set({ kind: 'readonly', reason: PROBLEM_TEXT['newer-version'] });
        return false;
      });
      this.db = db;
      this.library = new Library(db);
      this.runs = new RunStore(db);
      this.questions = new QuestionStore(db);
      this.rubrics = new RubricStore(db);
      this.studies = new StudyStore(db);
      if ((await this.library.claimDataVersion()) === 'newer') throw new NewerDataError();
      this.autosaver = new Autosaver(
        this.doc,
        { save: (d, expected) => this.library!.save(d, expected), reopen: () => db.open().then(() => undefined) },
        this.editor.saveStatus,
        {
          delayMs: AUTOSAVE_MS,
          journal: this.env.journal,
          channel: this.env.channel,
          tab: this.tab,
          reloadFromElsewhere: (id) => this.reloadTheirs(id, 'Updated with changes from another tab'),
        },
      );
      this.env.onExit(() => this.autosaver?.flushForExit());
    } catch (error) {
      this.storageFailed(error);
    }
  }

  private storageFailed(error: unknown): void {
    const problem = error instanceof NewerDataError ? 'newer-version' : classifyStorageError(error);
    const reason = error instanceof NewerDataError ? error.message : PROBLEM_TEXT[problem];
    this.status.set(problem === 'newer-version' ? { kind: 'readonly', reason } : { kind: 'failed', reason });
  }

  /**
   * The page can be drawn on before the library has opened (on a slow disk, a busy machine).
   * Whatever was drawn by then is kept: stored as a new diagram, with its undo history, instead
   * of being replaced by the diagram that was open last time (which stays in the library).
   */
  /** Stores the diagram that is open (fresh, or drawn on before storage was ready) as a new one. */
  private async keepOpen(): Promise<void> {
    const snapshot = this.doc.getState().diagram;
    const { revision } = await this.library!.create(snapshot);
    if (this.doc.getState().diagram.id !== snapshot.id) return;
    this.autosaver!.attach(snapshot, revision);
    await this.library!.setSetting(LAST_OPEN, snapshot.id);
    this.listChanged();
    // Edits made while it was being stored are saved like any other.
    if (this.doc.getState().diagram !== snapshot) await this.flush();
  }

  /** Puts back edits that were journaled as a page closed, if nothing newer was saved since. */
  private async recoverJournal(): Promise<void> {
    const entry = this.env.journal.read();
    if (!entry || !this.library) return;
    const restored = restoreDiagram(entry.doc).diagram;
    const stored = await this.library.revisionOf(entry.diagramId);
    if (stored === entry.baseRevision) {
      const result = await this.library.save(restored, stored);
      if (result.ok) this.editor.notify('Recovered edits made just before the page closed');
    } else if (stored === undefined) {
      await this.library.create(restored);
    } else {
      await this.library.create({ ...restored, id: newId('d'), name: `${restored.name} (recovered)` });
      this.editor.notify('Edits made just before the page closed were kept as a recovered copy');
    }
    this.env.journal.clear();
    await this.library.setSetting(LAST_OPEN, entry.diagramId);
  }

  private async openStored(id: string): Promise<boolean> {
    const loaded = await this.library!.load(id);
    if (!loaded) return false;
    await this.show(loaded);
    return true;
  }

  private async show(loaded: Loaded): Promise<void> {
    this.doc.getState().load(loaded.diagram);
    this.editor.ui.getState().clearSelection();
    this.autosaver!.attach(loaded.diagram, loaded.revision);
    await this.library!.setSetting(LAST_OPEN, loaded.diagram.id);
    if (loaded.repaired > 0) this.editor.notify(`${loaded.repaired} damaged parts of this diagram were repaired or left out`);
  }

  private async openShared(fragment: string): Promise<void> {
    const { decodeShareFragment } = await links();
    const { FileError } = await files();
    try {
      const { diagram, report } = decodeShareFragment(fragment);
      // A copy that touches nothing stored until the person saves it.
      this.doc.getState().load({ ...diagram, id: newId('d') });
      this.status.set({ kind: 'unsaved-copy' });
      if (report.dropped > 0)
        this.editor.notify(`${report.dropped} damaged parts of the shared diagram were repaired or left out: ${report.messages.join('; ')}`);
    } catch (error) {
      this.doc.getState().load(createDiagram());
      this.status.set(this.library ? { kind: 'saved', at: Date.now() } : { kind: 'failed', reason: PROBLEM_TEXT.missing });
      this.editor.notify(error instanceof FileError ? error.message : 'This share link could not be opened.', 'error');
    }
  }

  async flush(): Promise<void> {
    await this.autosaver?.saveNow();
  }

  /** Saves the open diagram first, so switching never drops an edit. */
  private async leaveCurrent(): Promise<void> {
    if (this.status.state.kind === 'unsaved-copy') return;
    await this.flush();
  }

  async loadInterview(diagramId: string): Promise<unknown> {
    return this.library?.getSetting(`interview:${diagramId}`);
  }

  async saveInterview(diagramId: string, data: unknown): Promise<void> {
    try {
      await this.library?.setSetting(`interview:${diagramId}`, data);
    } catch (error) {
      this.editor.notify(`The scorecard could not be saved: ${(error as Error).message}. Export the feedback report to keep it.`, 'error');
    }
  }

  async contains(id: string): Promise<boolean> {
    return this.library ? (await this.library.load(id)) !== null : false;
  }

  async open(id: string): Promise<void> {
    if (!this.library) return;
    await this.leaveCurrent();
    try {
      if (!(await this.openStored(id))) this.editor.notify('That diagram is no longer in the library', 'error');
    } catch (error) {
      this.storageFailed(error);
    }
  }

  async adopt(diagram: Diagram, notice?: string): Promise<void> {
    await this.leaveCurrent();
    if (!this.library) {
      this.doc.getState().load(diagram);
      if (notice) this.editor.notify(notice);
      return;
    }
    try {
      const { diagram: stored, revision } = await this.library.create(diagram);
      // Stored: a reload from here on must open it, not the share link it came from. Cleared
      // before the status says "saved", so nobody reloads in between.
      if (this.env.fragment().startsWith(SHARE_PREFIX)) this.env.clearFragment();
      await this.library.setSetting(LAST_OPEN, stored.id);
      this.doc.getState().load(stored);
      this.editor.ui.getState().clearSelection();
      this.autosaver!.attach(stored, revision);
      this.listChanged();
      if (notice) this.editor.notify(notice);
    } catch (error) {
      this.doc.getState().load(diagram);
      this.storageFailed(error);
    }
  }

  newDiagram(): Promise<void> {
    return this.adopt(createDiagram());
  }

  async rename(id: string, name: string): Promise<void> {
    if (id === this.doc.getState().diagram.id) {
      // The open diagram renames through its document, so undo and autosave see it; saved
      // before the list refreshes, so the list shows the new name.
      this.editor.report(this.editor.actions.renameDiagram(name));
      await this.flush();
    } else await this.library?.rename(id, name);
    this.listChanged();
  }

  async duplicate(id: string): Promise<void> {
    if (id === this.doc.getState().diagram.id) await this.flush();
    await this.library?.duplicate(id);
    this.listChanged();
  }

  async remove(id: string): Promise<Deleted | null> {
    if (!this.library) return null;
    const open = id === this.doc.getState().diagram.id;
    if (open) await this.flush();
    const deleted = await this.library.delete(id);
    if (open) {
      this.autosaver?.detach();
      const next = (await this.library.list())[0];
      if (next) await this.openStored(next.id);
      else await this.adopt(createDiagram());
    }
    this.listChanged();
    return deleted;
  }

  async undoRemove(deleted: DeletedDiagram): Promise<void> {
    await this.library?.restore(deleted as Deleted);
    this.listChanged();
  }

  /** Another tab saved this diagram: show its version (what this tab had was saved, or let go). */
  async reloadTheirs(id = this.doc.getState().diagram.id, notice = 'Reloaded the version saved in another tab'): Promise<void> {
    if (!this.library) return;
    await this.openStored(id);
    this.editor.notify(notice);
  }

  /** Keeps this tab's version as a new diagram next to the other tab's. */
  async keepMineAsCopy(): Promise<void> {
    const mine = this.doc.getState().diagram;
    this.autosaver?.detach();
    await this.adopt(
      { ...mine, id: newId('d'), name: `${mine.name} (my copy)` },
      'Your version is kept as a copy; the other tab\u2019s version stays as it was',
    );
  }

  async saveSharedCopy(): Promise<void> {
    const diagram = this.doc.getState().diagram;
    this.status.set({ kind: 'loading' });
    await this.adopt(diagram, 'Saved to your library');
  }

  async exportFile(): Promise<void> {
    const { serializeDiagramFile } = await files();
    const { fileNameFor } = await import('../../editor/fileName');
    const d = this.doc.getState().diagram;
    this.editor.env.download(serializeDiagramFile(d), fileNameFor(d.name, 'faultline.json'), 'application/json');
  }

  /** Imports a .faultline.json as a new diagram; it never replaces one already stored. */
  async importFile(file: FileLike): Promise<void> {
    let opened: Awaited<ReturnType<typeof diagramFromFile>>;
    try {
      opened = await diagramFromFile(file);
    } catch (error) {
      this.editor.notify((error as Error).message, 'error');
      return;
    }
    await this.adopt(opened.diagram, opened.message);
  }

  async copyShareLink(): Promise<void> {
    const { encodeShareFragment, SHARE_WARN_LENGTH } = await links();
    const url = `${this.env.pageUrl()}#${encodeShareFragment(this.doc.getState().diagram)}`;
    try {
      await this.editor.env.writeClipboard(url);
      if (url.length > SHARE_WARN_LENGTH) {
        this.editor.notify(
          `Link copied, but it is ${url.length.toLocaleString('en-US')} characters long: some apps cut long links. File → Export file is the safe way to share this one.`,
          'error',
        );
      } else this.editor.notify('Share link copied: it opens a copy of this diagram');
    } catch {
      this.editor.notify('The browser would not let the page use the clipboard', 'error');
    }
  }
}
