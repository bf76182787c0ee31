// The IndexedDB database, through Dexie. Versions are a list that only ever grows: a browser
// still holding version 1 data upgrades through every step in order, so no declaration may be
// removed (tests/unit/persistence/db.test.ts pins the history).
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { StudyRecord } from '../editor/studies';
import type { DiagramRecord, QuestionRecord, RunDataRecord, RunRecord, ScenarioRecord, SettingRecord } from './records';

export const DB_NAME = 'faultline';

const V1_STORES = {
  diagrams: '&id, updatedAt, name',
  scenarios: '&id, diagramId',
  runs: '&id, diagramId, createdAt',
  runData: '&id',
  settings: '&key',
};

export const DB_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  { version: 1, stores: V1_STORES },
  // Questions a person added to the gallery from their own Markdown files.
  { version: 2, stores: { ...V1_STORES, questions: '&id, addedAt' } },
  // Replications and sweeps of a diagram (src/editor/studies.ts).
  { version: 3, stores: { ...V1_STORES, questions: '&id, addedAt', studies: '&id, diagramId, createdAt' } },
];

export class FaultlineDb extends Dexie {
  diagrams!: Table<DiagramRecord, string>;
  scenarios!: Table<ScenarioRecord, string>;
  runs!: Table<RunRecord, string>;
  runData!: Table<RunDataRecord, string>;
  settings!: Table<SettingRecord, string>;
  questions!: Table<QuestionRecord, string>;
  studies!: Table<StudyRecord, string>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    for (const v of DB_VERSIONS) this.version(v.version).stores(v.stores);
  }
}
