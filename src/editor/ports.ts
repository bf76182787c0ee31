// What the Editor asks of its surroundings. The app provides browser implementations (the React
// Flow viewport, the Dexie library, the simulation and layout workers, the system clipboard);
// TestEditor provides in-memory ones, so everything the Editor does runs headless in Node.
import type { Diagram, NodeKind, XY } from '../model';
import type { RecordedRun } from '../sim/types';
import type { Layout } from '../layout/layoutDiagram';
import type { RunDigest } from '../sim/replicate';
import type { SimJob } from '../sim/runPlanned';
import type { StudyRecord } from './studies';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The mounted canvas: its view of the diagram, set by the canvas adapter while it is mounted. */
export interface ViewportPort {
  /** The diagram point at the middle of the visible canvas. */
  viewportCenter(): XY;
  fitView(): void;
  /** Fits these nodes into the visible canvas. */
  fitNodes(ids: readonly string[]): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Converts a point on the screen to diagram coordinates. */
  toDiagram(screen: XY): XY;
  /** Centres the view on a node, at the given zoom or the current one. */
  focusNode(id: string, zoom?: number): void;
  /** The canvas area every node covers, in diagram coordinates. */
  contentBounds(): Rect;
  /** The part of the diagram the canvas shows now, in diagram coordinates. */
  visibleArea(): Rect;
  /** Where a node or an edge is on the screen (for menus opened from the keyboard). */
  screenRectOf(type: 'node' | 'edge', id: string): Rect | null;
  /** The element that holds the drawing (nodes and edges), for pictures. */
  drawingElement(): HTMLElement | null;
}

/** A file the person chose (a browser File has this shape). */
export interface FileLike {
  name: string;
  text(): Promise<string>;
}

/** A diagram in the library's list, without its document. */
export interface DiagramListing {
  id: string;
  name: string;
  updatedAt: number;
  nodeCount: number;
  edgeCount: number;
  kindCounts: Partial<Record<NodeKind, number>>;
}

/** A stored run's description, without its body. */
export interface RunListing {
  id: string;
  diagramId: string;
  scenarioId: string;
  scenarioName: string;
  createdAt: number;
  /** 1 when the user pinned it: caps never evict a pinned run. */
  pinned: 0 | 1;
  /** Client success over the run, for lists and comparisons without loading the body. */
  successRatio: number;
  /** What was simulated (model/revision.ts): a diagram whose revision now differs makes it stale. */
  diagramRevision?: string | null;
  /** Seed and faults, so runs of one scenario can be told apart in lists. */
  seed?: number;
  faultCount?: number;
  /** What the person called this run; without one, it goes by its scenario's name. */
  name?: string;
}

export interface StoredRuns {
  list(diagramId: string): Promise<RunListing[]>;
  /** The run, migrated to the current format; throws with a message that offers a re-run. */
  get(id: string): Promise<{ run: RecordedRun; migrated: string[]; name?: string } | undefined>;
  pin(id: string, pinned: boolean): Promise<void>;
  /** Names the run; an empty name gives it back its scenario's. */
  rename(id: string, name: string): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Replications and sweeps of a diagram, kept with it in the library (src/editor/studies.ts). */
export interface StoredStudies {
  list(diagramId: string): Promise<StudyRecord[]>;
  add(study: StudyRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A person's own files, kept whole: question files for the gallery, rubric files for the scorecard. */
export interface StoredTextFiles {
  list(): Promise<{ id: string; title: string; text: string }[]>;
  put(id: string, title: string, text: string): Promise<unknown>;
  remove(id: string): Promise<void>;
}

export type StoredQuestions = StoredTextFiles;

/** What a delete handed back, so it can be undone. Opaque to the Editor. */
export type DeletedDiagram = { readonly record: { readonly name: string } };

/** The library: where diagrams, runs and questions are kept. */
export interface EditorStorage {
  /** Null where the browser gives the page no storage. */
  readonly runs: StoredRuns | null;
  readonly questions: StoredQuestions | null;
  /** The person's own rubric files; absent where the library keeps none. */
  readonly rubrics?: StoredTextFiles | null;
  /** Replications and sweeps; absent where the library keeps none. */
  readonly studies?: StoredStudies | null;
  readonly available: boolean;
  listDiagrams(): Promise<DiagramListing[]>;
  /** Called whenever the set of diagrams changes. */
  onListChange(listener: () => void): () => void;
  newDiagram(): Promise<void>;
  open(id: string): Promise<void>;
  /** A new diagram from anywhere (an import, a file, a template): stored, then opened. */
  adopt(diagram: Diagram, notice?: string): Promise<void>;
  /** The interviewer's scorecard, session and clock for a diagram, kept on this device only. */
  loadInterview?(diagramId: string): Promise<unknown>;
  saveInterview?(diagramId: string, data: unknown): Promise<void>;
  /** Whether the library holds a diagram with this id (this person's copy of a live room, say). */
  contains(id: string): Promise<boolean>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<void>;
  remove(id: string): Promise<DeletedDiagram | null>;
  undoRemove(deleted: DeletedDiagram): Promise<void>;
  flush(): Promise<void>;
  reloadTheirs(): Promise<void>;
  keepMineAsCopy(): Promise<void>;
  saveSharedCopy(): Promise<void>;
  exportFile(): Promise<void>;
  importFile(file: FileLike): Promise<void>;
  copyShareLink(): Promise<void>;
}

export interface SimulationJob {
  result: Promise<{ run: RecordedRun; record: RunListing | null; storeError: string | null }>;
  cancel(): void;
}

/** Many runs at once (the seeds of a replication, the points of a sweep), each boiled down to its digest. */
export interface BatchJob {
  /** The digests in the order of the jobs. */
  result: Promise<RunDigest[]>;
  cancel(): void;
}

/** Runs simulations off the page's thread (a worker in the browser), storing them when asked. */
export interface SimulatorPort {
  run(diagram: Diagram, scenario: Diagram['scenarios'][number], storeFor: string | null, onProgress: (fraction: number) => void): SimulationJob;
  /** Runs every job, on as many cores as the platform offers; `onProgress` counts finished runs. */
  runMany(jobs: readonly SimJob[], onProgress: (done: number, total: number) => void): BatchJob;
}

export interface LayoutPort {
  layout(d: Diagram): Promise<Layout>;
}

/** What a live session needs from the platform. */
export interface LiveEnv {
  /** The relay's address (ws:// or wss://), as set in the app. */
  relayUrl(): string;
  /** This page's address without its fragment: links are built on it. */
  pageUrl(): string;
  /** A WebSocket class where the platform has none (Node 20). */
  WebSocket?: unknown;
  /** The name this person gave last time, remembered on this device. */
  savedName?(): string | null;
  saveName?(name: string): void;
  /** Sets the relay's address; returns why it was refused, or null. */
  setRelayUrl?(url: string): string | null;
  /**
   * Keeps a room's Yjs document on this device (y-indexeddb in the browser), so edits made while
   * the relay was away survive a reload and merge when the room is joined again.
   */
  persist?(room: string, doc: unknown): Promise<{ clear(): Promise<void>; destroy(): void } | null>;
  /** Puts the room's fragment in the address (null takes it out), so a reload rejoins. */
  setAddress?(fragment: string | null): void;
  /** How long a join waits for the relay before it says it cannot reach it (default 8 s). */
  joinTimeoutMs?: number;
}

export interface Env {
  /** The system clipboard; may refuse (no permission), which the Editor handles. */
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  download(text: string, fileName: string, mime?: string): void;
  pickFile(accept: string): Promise<FileLike | null>;
  /** Resolves after the next frame is drawn, in a new task (so work splits into short tasks). */
  nextFrame(): Promise<void>;
  now(): number;
  /** Live sessions; absent where there are none. */
  live?: LiveEnv;
}
