// The app's storage session: opens the library, reopens the last diagram (or a shared one, as
// an unsaved copy), recovers journaled edits, keeps autosave running, and carries out library
// commands. Loaded right after the first paint, so Dexie is not in the initial JavaScript.
import type { Diagram } from '../../model';
import { createDiagram, newId } from '../../model';
import { restoreDiagram } from '../../files/restoreDiagram';
import { Autosaver } from '../../persistence/autosave';
import { broadcastChannel } from '../../persistence/channel';
import { FaultlineDb } from '../../persistence/db';
import { classifyStorageError, PROBLEM_TEXT } from '../../persistence/errors';
import { localStorageJournal } from '../../persistence/journal';
import { Library, NewerDataError, type Deleted } from '../../persistence/library';
import { QuestionStore } from '../../persistence/questions';
import { RunStore } from '../../persistence/runs';
import { downloadText, fileNameFor } from '../download';
import { actions, documentStore, saveStatus, uiStore } from '../stores';

const LAST_OPEN = 'lastOpenDiagram';
/** The fragment a share link starts with (kept here so checking for it loads nothing). */
const SHARE_PREFIX = 'share=';
// Files and links are rarer than opening the app: their code (fflate, valibot) loads when used.
const files = () => import('../../files/diagramFile');
const links = () => import('../../files/shareLink');
const AUTOSAVE_MS = 700;

class Session {
  db: FaultlineDb | null = null;
  library: Library | null = null;
  runs: RunStore | null = null;
  questions: QuestionStore | null = null;
  private autosaver: Autosaver | null = null;
  private readonly tab = newId('w');
  private readonly journal = localStorageJournal();
  /** Changes whenever the set of diagrams does, so the library list can refresh. */
  listVersion = 0;
  private listeners = new Set<() => void>();

  onListChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private listChanged() {
    this.listVersion++;
    for (const l of this.listeners) l();
  }

  async boot(): Promise<void> {
    saveStatus.getState().set({ kind: 'loading' });
    const shared = location.hash.slice(1).startsWith(SHARE_PREFIX) ? location.hash.slice(1) : null;
    await this.openDatabase();
    if (shared) {
      await this.openShared(shared);
      return;
    }
    // Without storage the page keeps whatever is open, including anything drawn already.
    if (!this.library) return;
    try {
      await this.recoverJournal();
      if (await this.keepEarlyWork()) return;
      const last = await this.library.getSetting<string>(LAST_OPEN);
      if (last && (await this.openStored(last))) return;
      const newest = (await this.library.list())[0];
      if (newest && (await this.openStored(newest.id))) return;
      await this.adopt(createDiagram());
    } catch (error) {
      this.storageFailed(error);
    }
  }

  private async openDatabase(): Promise<void> {
    try {
      const db = new FaultlineDb();
      await db.open();
      db.on('versionchange', () => {
        db.close();
        this.autosaver?.detach();
        saveStatus.getState().set({ kind: 'readonly', reason: PROBLEM_TEXT['newer-version'] });
        return false;
      });
      this.db = db;
      this.library = new Library(db);
      this.runs = new RunStore(db);
      this.questions = new QuestionStore(db);
      if ((await this.library.claimDataVersion()) === 'newer') throw new NewerDataError();
      this.autosaver = new Autosaver(
        documentStore,
        { save: (d, expected) => this.library!.save(d, expected), reopen: () => db.open().then(() => undefined) },
        saveStatus,
        {
          delayMs: AUTOSAVE_MS,
          journal: this.journal,
          channel: broadcastChannel(),
          tab: this.tab,
          reloadFromElsewhere: (id) => this.reloadTheirs(id, 'Updated with changes from another tab'),
        },
      );
      const flush = () => this.autosaver?.flushForExit();
      addEventListener('pagehide', flush);
      document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    } catch (error) {
      this.storageFailed(error);
    }
  }

  private storageFailed(error: unknown): void {
    const problem = error instanceof NewerDataError ? 'newer-version' : classifyStorageError(error);
    const reason = error instanceof NewerDataError ? error.message : PROBLEM_TEXT[problem];
    saveStatus.getState().set(problem === 'newer-version' ? { kind: 'readonly', reason } : { kind: 'failed', reason });
  }

  /**
   * The page can be drawn on before the library has opened (on a slow disk, a busy machine).
   * Whatever was drawn by then is kept: stored as a new diagram, with its undo history, instead
   * of being replaced by the diagram that was open last time (which stays in the library).
   */
  private async keepEarlyWork(): Promise<boolean> {
    if (documentStore.getState().past.length === 0) return false;
    const snapshot = documentStore.getState().diagram;
    const { revision } = await this.library!.create(snapshot);
    if (documentStore.getState().diagram.id !== snapshot.id) return true;
    this.autosaver!.attach(snapshot, revision);
    await this.library!.setSetting(LAST_OPEN, snapshot.id);
    this.listChanged();
    // Edits made while it was being stored are saved like any other.
    if (documentStore.getState().diagram !== snapshot) await this.flush();
    return true;
  }

  /** Puts back edits that were journaled as a page closed, if nothing newer was saved since. */
  private async recoverJournal(): Promise<void> {
    const entry = this.journal.read();
    if (!entry || !this.library) return;
    const restored = restoreDiagram(entry.doc).diagram;
    const stored = await this.library.revisionOf(entry.diagramId);
    if (stored === entry.baseRevision) {
      const result = await this.library.save(restored, stored);
      if (result.ok) uiStore.getState().notify('Recovered edits made just before the page closed');
    } else if (stored === undefined) {
      await this.library.create(restored);
    } else {
      await this.library.create({ ...restored, id: newId('d'), name: `${restored.name} (recovered)` });
      uiStore.getState().notify('Edits made just before the page closed were kept as a recovered copy');
    }
    this.journal.clear();
    await this.library.setSetting(LAST_OPEN, entry.diagramId);
  }

  private async openStored(id: string): Promise<boolean> {
    const loaded = await this.library!.load(id);
    if (!loaded) return false;
    documentStore.getState().load(loaded.diagram);
    uiStore.getState().clearSelection();
    this.autosaver!.attach(loaded.diagram, loaded.revision);
    await this.library!.setSetting(LAST_OPEN, id);
    if (loaded.repaired > 0) uiStore.getState().notify(`${loaded.repaired} damaged parts of this diagram were repaired or left out`);
    return true;
  }

  private async openShared(fragment: string): Promise<void> {
    const { decodeShareFragment } = await links();
    const { FileError } = await files();
    try {
      const { diagram, report } = decodeShareFragment(fragment);
      // A copy that touches nothing stored until the person saves it.
      const copy = { ...diagram, id: newId('d') };
      documentStore.getState().load(copy);
      saveStatus.getState().set({ kind: 'unsaved-copy' });
      if (report.dropped > 0) uiStore.getState().notify(`${report.dropped} damaged parts of the shared diagram were repaired or left out`);
    } catch (error) {
      documentStore.getState().load(createDiagram());
      saveStatus.getState().set(this.library ? { kind: 'saved', at: Date.now() } : { kind: 'failed', reason: PROBLEM_TEXT.missing });
      uiStore.getState().notify(error instanceof FileError ? error.message : 'This share link could not be opened.', 'error');
    }
  }

  async flush(): Promise<void> {
    await this.autosaver?.saveNow();
  }

  /** Saves the open diagram first, so switching never drops an edit. */
  private async leaveCurrent(): Promise<void> {
    if (saveStatus.getState().state.kind === 'unsaved-copy') return;
    await this.flush();
  }

  async open(id: string): Promise<void> {
    if (!this.library) return;
    await this.leaveCurrent();
    try {
      if (!(await this.openStored(id))) uiStore.getState().notify('That diagram is no longer in the library', 'error');
    } catch (error) {
      this.storageFailed(error);
    }
  }

  /** A new diagram from anywhere (blank, an import, a file, a template): stored, then opened. */
  async adopt(diagram: Diagram, notice?: string): Promise<void> {
    await this.leaveCurrent();
    if (!this.library) {
      documentStore.getState().load(diagram);
      if (notice) uiStore.getState().notify(notice);
      return;
    }
    try {
      const { diagram: stored, revision } = await this.library.create(diagram);
      documentStore.getState().load(stored);
      uiStore.getState().clearSelection();
      this.autosaver!.attach(stored, revision);
      await this.library.setSetting(LAST_OPEN, stored.id);
      if (location.hash.slice(1).startsWith(SHARE_PREFIX)) history.replaceState(null, '', location.pathname + location.search);
      this.listChanged();
      if (notice) uiStore.getState().notify(notice);
    } catch (error) {
      documentStore.getState().load(diagram);
      this.storageFailed(error);
    }
  }

  newDiagram(): Promise<void> {
    return this.adopt(createDiagram());
  }

  async rename(id: string, name: string): Promise<void> {
    if (id === documentStore.getState().diagram.id) {
      // The open diagram renames through its document, so undo and autosave see it; saved
      // before the list refreshes, so the list shows the new name.
      actions.renameDiagram(name);
      await this.flush();
    } else await this.library?.rename(id, name);
    this.listChanged();
  }

  async duplicate(id: string): Promise<void> {
    if (id === documentStore.getState().diagram.id) await this.flush();
    await this.library?.duplicate(id);
    this.listChanged();
  }

  async remove(id: string): Promise<Deleted | null> {
    if (!this.library) return null;
    const open = id === documentStore.getState().diagram.id;
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

  async undoRemove(deleted: Deleted): Promise<void> {
    await this.library?.restore(deleted);
    this.listChanged();
  }

  /** Another tab saved this diagram: show its version (what this tab had was saved, or let go). */
  async reloadTheirs(id = documentStore.getState().diagram.id, notice = 'Reloaded the version saved in another tab'): Promise<void> {
    if (!this.library) return;
    await this.openStored(id);
    uiStore.getState().notify(notice);
  }

  /** Keeps this tab's version as a new diagram next to the other tab's. */
  async keepMineAsCopy(): Promise<void> {
    const mine = documentStore.getState().diagram;
    this.autosaver?.detach();
    await this.adopt(
      { ...mine, id: newId('d'), name: `${mine.name} (my copy)` },
      'Your version is kept as a copy; the other tab\u2019s version stays as it was',
    );
  }

  async saveSharedCopy(): Promise<void> {
    const diagram = documentStore.getState().diagram;
    saveStatus.getState().set({ kind: 'loading' });
    await this.adopt(diagram, 'Saved to your library');
  }

  async exportFile(): Promise<void> {
    const { serializeDiagramFile } = await files();
    const d = documentStore.getState().diagram;
    downloadText(serializeDiagramFile(d), fileNameFor(d.name, 'faultline.json'), 'application/json');
  }

  /** Imports a .faultline.json as a new diagram; it never replaces one already stored. */
  async importFile(file: File): Promise<void> {
    const { parseDiagramFile } = await files();
    try {
      const { diagram, report } = parseDiagramFile(await file.text());
      const note = report.dropped > 0 ? ` (${report.dropped} damaged parts were repaired or left out)` : '';
      await this.adopt({ ...diagram, id: newId('d') }, `Opened ${file.name}${note}`);
    } catch (error) {
      uiStore.getState().notify(`${file.name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  async copyShareLink(): Promise<void> {
    const { encodeShareFragment, SHARE_WARN_LENGTH } = await links();
    const fragment = encodeShareFragment(documentStore.getState().diagram);
    const url = `${location.origin}${location.pathname}#${fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      if (url.length > SHARE_WARN_LENGTH) {
        uiStore
          .getState()
          .notify(
            `Link copied, but it is ${url.length.toLocaleString('en-US')} characters long: some apps cut long links. File → Export file is the safe way to share this one.`,
            'error',
          );
      } else uiStore.getState().notify('Share link copied: it opens a copy of this diagram');
    } catch {
      uiStore.getState().notify('The browser would not let the page use the clipboard', 'error');
    }
  }
}

export const session = new Session();
