// What is stored. The document keeps its schema version; each record also says which version of
// the app wrote it, so an older tab can tell it must not write over newer data.
import type { Diagram, NodeKind, Scenario } from '../model';
import type { RecordedRun } from '../sim/types';
import type { RunListing } from '../editor/ports';

/** The version of the stored data this app writes; raised when records change shape. */
export const DATA_VERSION = 1;

export interface DiagramRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Raised by one on every save; a save must name the revision it started from. */
  revision: number;
  schemaVersion: number;
  writtenBy: number;
  nodeCount: number;
  edgeCount: number;
  kindCounts: Partial<Record<NodeKind, number>>;
  /** The document without its scenarios, which live in their own table. */
  doc: Omit<Diagram, 'scenarios'>;
}

export interface ScenarioRecord {
  id: string;
  diagramId: string;
  order: number;
  scenario: Scenario;
}

/** A recorded run's description; its body (series, events, samples) is in RunDataRecord. */
export interface RunRecord extends RunListing {
  sizeBytes: number;
  /** The run format it was stored in (absent: 1). */
  version?: number;
}

export interface RunDataRecord {
  id: string;
  run: RecordedRun;
}

/** A question file a person imported into the gallery, kept as its Markdown text. */
export interface QuestionRecord {
  id: string;
  title: string;
  text: string;
  addedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export type DiagramSummary = Omit<DiagramRecord, 'doc'>;
