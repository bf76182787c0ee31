// The library of diagrams. Saves name the revision they started from and refuse to write over a
// newer one; loads migrate the document; deletes hand back everything they removed so the
// delete can be undone.
import type { StudyRecord } from '../editor/studies';
import type { Diagram, NodeKind } from '../model';
import { migrate, newId, NewerSchemaError, SCHEMA_VERSION, isContainer } from '../model';
import { restoreDiagram } from '../files/restoreDiagram';
import type { FaultlineDb } from './db';
import { DATA_VERSION, type DiagramRecord, type DiagramSummary, type RunDataRecord, type RunRecord, type ScenarioRecord } from './records';

const DATA_VERSION_KEY = 'dataVersion';

export type SaveResult = { ok: true; revision: number } | { ok: false; conflict: number };

export class NewerDataError extends Error {
  constructor() {
    super('This diagram was saved by a newer version of Faultline. Reload the page to update the app.');
    this.name = 'NewerDataError';
  }
}

export interface Loaded {
  diagram: Diagram;
  revision: number;
  /** Records the restore dropped or repaired (older or damaged data), for a notice. */
  repaired: number;
}

export interface Deleted {
  record: DiagramRecord;
  scenarios: ScenarioRecord[];
  runs: RunRecord[];
  runData: RunDataRecord[];
  studies: StudyRecord[];
}

function toRecord(d: Diagram, revision: number, now: number): { record: DiagramRecord; scenarios: ScenarioRecord[] } {
  const { scenarios, ...doc } = d;
  const kindCounts: Partial<Record<NodeKind, number>> = {};
  for (const n of d.nodes) kindCounts[n.kind] = (kindCounts[n.kind] ?? 0) + 1;
  return {
    record: {
      id: d.id,
      name: d.name,
      createdAt: d.createdAt,
      updatedAt: now,
      revision,
      schemaVersion: SCHEMA_VERSION,
      writtenBy: DATA_VERSION,
      nodeCount: d.nodes.filter((n) => !isContainer(n.kind)).length,
      edgeCount: d.edges.length,
      kindCounts,
      doc: { ...doc, updatedAt: now },
    },
    scenarios: scenarios.map((scenario, order) => ({ id: `${d.id}/${scenario.id}`, diagramId: d.id, order, scenario })),
  };
}

export class Library {
  constructor(
    readonly db: FaultlineDb,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Every diagram, newest edit first, without documents. */
  async list(): Promise<DiagramSummary[]> {
    const all: DiagramSummary[] = [];
    await this.db.diagrams
      .orderBy('updatedAt')
      .reverse()
      .each((r) => {
        const { doc: _doc, ...summary } = r;
        void _doc;
        all.push(summary);
      });
    return all;
  }

  async revisionOf(id: string): Promise<number | undefined> {
    return (await this.db.diagrams.get(id))?.revision;
  }

  async load(id: string): Promise<Loaded | null> {
    const record = await this.db.diagrams.get(id);
    if (!record) return null;
    if (record.writtenBy > DATA_VERSION) throw new NewerDataError();
    const scenarios = (await this.db.scenarios.where('diagramId').equals(id).toArray()).sort((a, b) => a.order - b.order);
    const raw = { ...record.doc, scenarios: scenarios.map((s) => s.scenario) } as unknown as Record<string, unknown>;
    // Older documents are migrated, and everything is restored as untrusted: storage can hold
    // anything an older version, an extension or a bug once wrote.
    const { diagram, report } = restoreDiagram(migrate(raw));
    return { diagram, revision: record.revision, repaired: report.dropped };
  }

  /** Stores a new diagram (a fresh id if the given one is taken). Returns the stored diagram. */
  async create(d: Diagram): Promise<{ diagram: Diagram; revision: number }> {
    const diagram = (await this.db.diagrams.get(d.id)) ? { ...d, id: newId('d') } : d;
    const { record, scenarios } = toRecord(diagram, 1, this.clock());
    await this.db.transaction('rw', this.db.diagrams, this.db.scenarios, async () => {
      await this.db.diagrams.add(record);
      await this.db.scenarios.bulkPut(scenarios);
    });
    return { diagram: { ...diagram, updatedAt: record.updatedAt }, revision: 1 };
  }

  /** Writes the diagram if the stored revision is still `expected`; otherwise reports the conflict. */
  async save(d: Diagram, expected: number): Promise<SaveResult> {
    return this.db.transaction('rw', this.db.diagrams, this.db.scenarios, async () => {
      const current = await this.db.diagrams.get(d.id);
      if (current && current.writtenBy > DATA_VERSION) throw new NewerDataError();
      const currentRevision = current?.revision ?? 0;
      if (currentRevision !== expected) return { ok: false as const, conflict: currentRevision };
      const { record, scenarios } = toRecord(d, expected + 1, this.clock());
      await this.db.diagrams.put(record);
      await this.db.scenarios.where('diagramId').equals(d.id).delete();
      await this.db.scenarios.bulkPut(scenarios);
      return { ok: true as const, revision: record.revision };
    });
  }

  async rename(id: string, name: string): Promise<void> {
    await this.db.transaction('rw', this.db.diagrams, async () => {
      const r = await this.db.diagrams.get(id);
      if (!r) return;
      const clean = name.trim() || 'Untitled diagram';
      await this.db.diagrams.put({ ...r, name: clean, doc: { ...r.doc, name: clean }, revision: r.revision + 1, updatedAt: this.clock() });
    });
  }

  async duplicate(id: string): Promise<string | null> {
    const loaded = await this.load(id);
    if (!loaded) return null;
    const copy = { ...loaded.diagram, id: newId('d'), name: `${loaded.diagram.name} (copy)`, createdAt: this.clock() };
    return (await this.create(copy)).diagram.id;
  }

  async delete(id: string): Promise<Deleted | null> {
    return this.db.transaction('rw', [this.db.diagrams, this.db.scenarios, this.db.runs, this.db.runData, this.db.studies], async () => {
      const record = await this.db.diagrams.get(id);
      if (!record) return null;
      const scenarios = await this.db.scenarios.where('diagramId').equals(id).toArray();
      const runs = await this.db.runs.where('diagramId').equals(id).toArray();
      const runData = (await this.db.runData.bulkGet(runs.map((r) => r.id))).filter((r): r is RunDataRecord => r !== undefined);
      const studies = await this.db.studies.where('diagramId').equals(id).toArray();
      await this.db.diagrams.delete(id);
      await this.db.scenarios.where('diagramId').equals(id).delete();
      await this.db.runs.bulkDelete(runs.map((r) => r.id));
      await this.db.runData.bulkDelete(runs.map((r) => r.id));
      await this.db.studies.bulkDelete(studies.map((s) => s.id));
      return { record, scenarios, runs, runData, studies };
    });
  }

  /** Undoes a delete: puts back the record, its scenarios and its runs as they were. */
  async restore(deleted: Deleted): Promise<void> {
    await this.db.transaction('rw', [this.db.diagrams, this.db.scenarios, this.db.runs, this.db.runData, this.db.studies], async () => {
      await this.db.diagrams.put(deleted.record);
      await this.db.scenarios.bulkPut(deleted.scenarios);
      await this.db.runs.bulkPut(deleted.runs);
      await this.db.runData.bulkPut(deleted.runData);
      await this.db.studies.bulkPut(deleted.studies ?? []);
    });
  }

  /**
   * The newest app to use this database leaves its data version here. An older app finding a
   * newer number must not write: its code cannot know what the newer records mean.
   */
  async claimDataVersion(): Promise<'ok' | 'newer'> {
    const stored = await this.getSetting<number>(DATA_VERSION_KEY);
    if (typeof stored === 'number' && stored > DATA_VERSION) return 'newer';
    if (stored !== DATA_VERSION) await this.setSetting(DATA_VERSION_KEY, DATA_VERSION);
    return 'ok';
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.settings.get(key))?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}

export { NewerSchemaError };
