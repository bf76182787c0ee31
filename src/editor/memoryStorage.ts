// A library kept in memory, for TestEditor and for a page without storage in tests: diagrams,
// runs and questions in maps, with the same behaviour the commands rely on (new, open, adopt,
// rename, duplicate, delete with undo, files and links). The browser's library is the Dexie
// session (ui/library/session.ts); this one writes nothing anywhere.
import { serializeDiagramFile } from '../files/diagramFile';
import { encodeShareFragment } from '../files/shareLink';
import type { Diagram } from '../model';
import { createDiagram, isContainer, newId } from '../model';
import type { RecordedRun } from '../sim/types';
import type { Editor } from './Editor';
import { fileNameFor } from './fileName';
import { diagramFromFile } from './openFile';
import type { DeletedDiagram, DiagramListing, EditorStorage, FileLike, RunListing, StoredStudies, StoredTextFiles, StoredRuns } from './ports';
import type { StudyRecord } from './studies';

interface Kept {
  diagram: Diagram;
  updatedAt: number;
}

interface MemoryDeleted extends DeletedDiagram {
  readonly record: { readonly name: string; readonly id: string; readonly kept: Kept };
}

class MemoryRuns implements StoredRuns {
  readonly listings = new Map<string, RunListing>();
  readonly bodies = new Map<string, RecordedRun>();

  add(diagramId: string, run: RecordedRun, now: number): RunListing {
    const listing: RunListing = {
      id: newId('r'),
      diagramId,
      scenarioId: run.scenarioId,
      scenarioName: run.scenarioName,
      createdAt: now,
      pinned: 0,
      successRatio: run.summary.clients.length ? run.summary.clients.reduce((s, c) => s + c.successRatio, 0) / run.summary.clients.length : 0,
      diagramRevision: run.diagramRevision,
      seed: run.seed,
      faultCount: run.faults.length,
    };
    this.listings.set(listing.id, listing);
    this.bodies.set(listing.id, run);
    return listing;
  }

  async list(diagramId: string): Promise<RunListing[]> {
    return [...this.listings.values()].filter((r) => r.diagramId === diagramId).sort((a, b) => b.createdAt - a.createdAt);
  }

  async get(id: string) {
    const run = this.bodies.get(id);
    const name = this.listings.get(id)?.name;
    return run ? { run, migrated: [], ...(name ? { name } : {}) } : undefined;
  }

  async rename(id: string, name: string): Promise<void> {
    const r = this.listings.get(id);
    if (!r) return;
    const { name: _old, ...rest } = r;
    this.listings.set(id, name ? { ...rest, name } : rest);
  }

  async pin(id: string, pinned: boolean): Promise<void> {
    const r = this.listings.get(id);
    if (r) this.listings.set(id, { ...r, pinned: pinned ? 1 : 0 });
  }

  async delete(id: string): Promise<void> {
    this.listings.delete(id);
    this.bodies.delete(id);
  }
}

class MemoryTextFiles implements StoredTextFiles {
  private readonly items = new Map<string, { id: string; title: string; text: string }>();
  async list() {
    return [...this.items.values()];
  }
  async put(id: string, title: string, text: string) {
    this.items.set(id, { id, title, text });
  }
  async remove(id: string) {
    this.items.delete(id);
  }
}

class MemoryStudies implements StoredStudies {
  readonly items = new Map<string, StudyRecord>();
  async list(diagramId: string): Promise<StudyRecord[]> {
    return [...this.items.values()].filter((s) => s.diagramId === diagramId).sort((a, b) => b.createdAt - a.createdAt);
  }
  async add(study: StudyRecord): Promise<void> {
    this.items.set(study.id, study);
  }
  async delete(id: string): Promise<void> {
    this.items.delete(id);
  }
}

export class MemoryStorage implements EditorStorage {
  readonly runs = new MemoryRuns();
  readonly studies = new MemoryStudies();
  readonly questions = new MemoryTextFiles();
  readonly rubrics = new MemoryTextFiles();
  readonly available = true;
  readonly diagrams = new Map<string, Kept>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly editor: Editor) {}

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private keep(d: Diagram): void {
    this.diagrams.set(d.id, { diagram: d, updatedAt: this.editor.env.now() });
  }

  private show(d: Diagram): void {
    this.editor.doc.getState().load(d);
    this.editor.ui.getState().clearSelection();
    this.editor.saveStatus.getState().set({ kind: 'saved', at: this.editor.env.now() });
  }

  async listDiagrams(): Promise<DiagramListing[]> {
    return [...this.diagrams.values()]
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map(({ diagram: d, updatedAt }) => ({
        id: d.id,
        name: d.name,
        updatedAt,
        nodeCount: d.nodes.filter((n) => !isContainer(n.kind)).length,
        edgeCount: d.edges.length,
        kindCounts: {},
      }));
  }

  onListChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async flush(): Promise<void> {
    const d = this.editor.diagram;
    if (this.diagrams.has(d.id)) this.keep(d);
  }

  async newDiagram(): Promise<void> {
    await this.adopt(createDiagram());
  }

  readonly interviews = new Map<string, unknown>();

  async loadInterview(diagramId: string): Promise<unknown> {
    return structuredClone(this.interviews.get(diagramId));
  }

  async saveInterview(diagramId: string, data: unknown): Promise<void> {
    this.interviews.set(diagramId, structuredClone(data));
  }

  async contains(id: string): Promise<boolean> {
    return this.diagrams.has(id);
  }

  async open(id: string): Promise<void> {
    await this.flush();
    const kept = this.diagrams.get(id);
    if (!kept) {
      this.editor.notify('That diagram is no longer in the library', 'error');
      return;
    }
    this.show(kept.diagram);
  }

  async adopt(diagram: Diagram, notice?: string): Promise<void> {
    await this.flush();
    const stored = this.diagrams.has(diagram.id) ? { ...diagram, id: newId('d') } : diagram;
    this.keep(stored);
    this.show(stored);
    this.changed();
    if (notice) this.editor.notify(notice);
  }

  async rename(id: string, name: string): Promise<void> {
    if (id === this.editor.diagram.id) {
      this.editor.actions.renameDiagram(name);
      await this.flush();
    } else {
      const kept = this.diagrams.get(id);
      if (kept) this.keep({ ...kept.diagram, name: name.trim() || 'Untitled diagram' });
    }
    this.changed();
  }

  async duplicate(id: string): Promise<void> {
    await this.flush();
    const kept = this.diagrams.get(id);
    if (kept) this.keep({ ...structuredClone(kept.diagram), id: newId('d'), name: `${kept.diagram.name} (copy)` });
    this.changed();
  }

  async remove(id: string): Promise<DeletedDiagram | null> {
    const kept = this.diagrams.get(id);
    if (!kept) return null;
    await this.flush();
    this.diagrams.delete(id);
    if (id === this.editor.diagram.id) {
      const next = (await this.listDiagrams())[0];
      if (next) this.show(this.diagrams.get(next.id)!.diagram);
      else await this.adopt(createDiagram());
    }
    this.changed();
    const deleted: MemoryDeleted = { record: { name: kept.diagram.name, id, kept } };
    return deleted;
  }

  async undoRemove(deleted: DeletedDiagram): Promise<void> {
    const { record } = deleted as MemoryDeleted;
    this.diagrams.set(record.id, record.kept);
    this.changed();
  }

  async reloadTheirs(): Promise<void> {
    const kept = this.diagrams.get(this.editor.diagram.id);
    if (kept) this.show(kept.diagram);
  }

  async keepMineAsCopy(): Promise<void> {
    const mine = this.editor.diagram;
    await this.adopt({ ...mine, id: newId('d'), name: `${mine.name} (my copy)` });
  }

  async saveSharedCopy(): Promise<void> {
    await this.adopt(this.editor.diagram, 'Saved to your library');
  }

  async exportFile(): Promise<void> {
    const d = this.editor.diagram;
    this.editor.env.download(serializeDiagramFile(d), fileNameFor(d.name, 'faultline.json'), 'application/json');
  }

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
    await this.editor.env.writeClipboard(`https://faultline.test/#${encodeShareFragment(this.editor.diagram)}`);
    this.editor.notify('Share link copied: it opens a copy of this diagram');
  }
}
