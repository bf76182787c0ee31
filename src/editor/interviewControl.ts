// The Editor's interviewer part: starting the interview clock starts recording the session on the
// open diagram; the scorecard, the session and the clock are kept in the library per diagram (on
// this device only: in a live session they stay on the interviewer's side), so a reload or a
// closed tab loses none of them. Scrubbing the session shows the design as it stood at a moment.
import { createStore } from 'zustand/vanilla';
import type { Rubric } from '../interview/score';
import { emptyScorecard, type Evidence, type EvidenceKind, feedbackReport, type Scorecard } from '../interview/scorecard';
import { type DrillVerdict, type InterviewSession, type RunEvent, SESSION_VERSION, SessionPlayer, SessionRecorder } from '../interview/session';
import { PHASE_STRUCTURES, type Phase } from '../templates/timer';
import { type Diagram, newId } from '../model';
import type { Editor } from './Editor';
import { diffPatches } from './diff';
import { fileNameFor } from './fileName';
import { placeOwnFile } from './placeOwnFile';
import { elapsed } from './timerStore';

export interface InterviewState {
  card: Scorecard;
  session: InterviewSession | null;
  /** The design at a moment of the session, shown instead of the live diagram while scrubbing. */
  preview: { t: number; diagram: Diagram } | null;
  panelOpen: boolean;
  /** The feedback report's printable page is open (print to PDF from there). */
  printing: boolean;
  /** The phase structure the clock follows (PHASE_STRUCTURES). */
  structure: string;
  /** The rubrics, once loaded (they load with the panel: the YAML parser is not needed to draw). */
  rubrics: Rubric[] | null;
  /** Ids of the rubrics the person added from their own files. */
  ownRubrics: readonly string[];
}

/** What the library keeps per diagram. */
export interface StoredInterview {
  card: Scorecard;
  session: InterviewSession | null;
  timer: { startedAt: number | null; banked: number };
}

function isStored(v: unknown): v is StoredInterview {
  const s = v as StoredInterview;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.card === 'object' &&
    s.card !== null &&
    typeof s.card.rubricId === 'string' &&
    Array.isArray(s.card.evidence) &&
    (s.session === null || (typeof s.session === 'object' && s.session.version === SESSION_VERSION && Array.isArray(s.session.events)))
  );
}

export class InterviewControl {
  readonly store;
  private recorder: SessionRecorder | null = null;
  private player: SessionPlayer | null = null;
  private diagramId: string;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private offset = 0;

  constructor(private readonly editor: Editor) {
    this.diagramId = editor.diagram.id;
    this.store = createStore<InterviewState>(() => ({
      card: emptyScorecard('senior-weighted'),
      session: null,
      preview: null,
      panelOpen: false,
      printing: false,
      rubrics: null,
      ownRubrics: [],
      structure: PHASE_STRUCTURES[0].id,
    }));
    editor.timer.subscribe((s, prev) => {
      if (s.startedAt !== null && prev.startedAt === null) this.record();
      // Reset: the session so far is kept (replay, report); a new start records after it.
      if (s.startedAt === null && s.banked === 0 && (prev.banked > 0 || prev.startedAt !== null)) {
        this.recorder?.stop();
        this.recorder = null;
      }
      if (s.startedAt !== prev.startedAt || s.banked !== prev.banked) this.save();
    });
    editor.doc.subscribe((s) => {
      if (s.diagram.id !== this.diagramId) void this.switchTo(s.diagram.id);
      else if (this.recorder) this.save();
    });
  }

  async loadRubrics(): Promise<Rubric[]> {
    const loaded = this.store.getState().rubrics;
    if (loaded) return loaded;
    return this.reloadRubrics();
  }

  /** The shipped rubrics, then the person's own (a stored file that no longer parses is left out). */
  private async reloadRubrics(): Promise<Rubric[]> {
    const [{ builtInRubrics }, { parseRubric }] = await Promise.all([import('../interview/rubricBank'), import('../interview/rubric')]);
    const builtIn = builtInRubrics();
    const files = (await this.editor.storage?.rubrics?.list()) ?? [];
    // The record's id wins over the file's: a file kept beside another was given a new one.
    const own = files.flatMap((f) => {
      try {
        return [{ ...parseRubric(f.text), id: f.id }];
      } catch {
        return [];
      }
    });
    const rubrics = [...builtIn, ...own.filter((r) => !builtIn.some((b) => b.id === r.id))];
    this.store.setState({ rubrics, ownRubrics: own.map((r) => r.id) });
    return rubrics;
  }

  /**
   * Adds a rubric from the person's Markdown file and picks it for this scorecard. Throws the
   * parser's refusal (with its line); an id already taken asks the person (placeOwnFile), and
   * null means they cancelled.
   */
  async importRubric(text: string): Promise<Rubric | null> {
    const [{ parseRubric }, { builtInRubrics }] = await Promise.all([import('../interview/rubric'), import('../interview/rubricBank')]);
    const parsed = parseRubric(text);
    const store = this.editor.storage?.rubrics;
    if (!store) throw new Error('Storage is not available here, so the rubric could not be kept');
    await this.reloadRubrics();
    const builtIn = new Set(builtInRubrics().map((r) => r.id));
    const id = await placeOwnFile(this.editor, 'rubric', parsed, { builtIn, own: new Set(this.store.getState().ownRubrics) });
    if (!id) return null;
    await store.put(id, parsed.title, text);
    await this.reloadRubrics();
    this.setRubric(id);
    return { ...parsed, id };
  }

  async removeRubric(id: string): Promise<void> {
    if (!this.store.getState().ownRubrics.includes(id)) return;
    await this.editor.storage?.rubrics?.remove(id);
    await this.reloadRubrics();
    if (this.store.getState().card.rubricId === id) this.setRubric(this.store.getState().rubrics?.[0]?.id ?? '');
  }

  /** The scorecard's rubric, once the rubrics are loaded. */
  rubric(): Rubric | null {
    const all = this.store.getState().rubrics;
    if (!all) return null;
    return all.find((r) => r.id === this.store.getState().card.rubricId) ?? all[0];
  }

  async openPanel(open = !this.store.getState().panelOpen): Promise<void> {
    if (open) await this.loadRubrics();
    this.store.setState({ panelOpen: open });
  }

  /** Opens the report's printable page, showing the design as it is now (not a replayed moment). */
  async openPrint(open = true): Promise<void> {
    if (open) {
      await this.loadRubrics();
      this.scrub(null);
    }
    this.store.setState({ printing: open });
  }

  /** The phases of the chosen structure. */
  phases(): readonly Phase[] {
    const { session, structure } = this.store.getState();
    return session?.phases ?? (PHASE_STRUCTURES.find((p) => p.id === structure) ?? PHASE_STRUCTURES[0]).phases;
  }

  /** Picks the phase structure; a session under way keeps the one it started with. */
  setStructure(id: string): void {
    if (PHASE_STRUCTURES.some((p) => p.id === id) && !this.store.getState().session) this.store.setState({ structure: id });
  }

  /** The interview clock now. */
  now(): number {
    return elapsed(this.editor.timer.getState(), this.editor.env.now());
  }

  /** Session time now: the clock, after what an earlier run of the clock recorded. */
  sessionTime(): number {
    return this.now() + this.offset;
  }

  private record(): void {
    if (this.recorder) return;
    const existing = this.store.getState().session;
    // A clock reset and started again goes on after what was recorded, so times stay in order.
    this.offset = existing ? Math.max(0, (existing.events.at(-1)?.t ?? 0) - this.now()) : 0;
    this.recorder = new SessionRecorder(this.editor.doc, () => this.sessionTime(), {
      id: existing?.id ?? newId('r'),
      startedAt: existing?.startedAt ?? this.editor.env.now(),
      phases: existing?.phases ?? [...this.phases()],
    });
    // A session resumed after a reload keeps what it had recorded; the diagram goes on from here.
    if (existing) {
      const session = this.recorder.session;
      session.initial = existing.initial;
      // Whatever changed while the clock was stopped (or after the last save before a reload)
      // joins the record as one change, so the replay's end is the diagram as it is.
      const { patches } = diffPatches(new SessionPlayer(existing).at(Number.POSITIVE_INFINITY), this.editor.diagram);
      const bridge = patches.length > 0 ? [{ t: this.sessionTime(), type: 'change' as const, label: 'Changes while the clock was stopped', patches }] : [];
      session.events.unshift(...existing.events, ...bridge);
    }
    this.player = null;
    this.store.setState({ session: this.recorder.session });
    this.save();
  }

  /** Another diagram was opened: keep this one's interview, bring that one's back. */
  private async switchTo(id: string): Promise<void> {
    await this.flush();
    this.recorder?.stop();
    this.recorder = null;
    this.player = null;
    this.diagramId = id;
    this.store.setState({ card: emptyScorecard(this.store.getState().card.rubricId, this.editor.diagram.name), session: null, preview: null });
    await this.restore();
  }

  /** Brings back what the library kept of the open diagram's interview (after a reload, say). */
  async restore(): Promise<void> {
    const id = this.editor.diagram.id;
    const stored = await this.editor.storage?.loadInterview?.(id);
    if (!isStored(stored) || this.editor.diagram.id !== id) return;
    this.recorder?.stop();
    this.recorder = null;
    this.store.setState({ card: stored.card, session: stored.session, preview: null });
    this.editor.timer.setState({ startedAt: stored.timer.startedAt, banked: stored.timer.banked });
    if (stored.timer.startedAt !== null) this.record();
  }

  private save(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => void this.flush(), 500);
  }

  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const storage = this.editor.storage;
    if (!storage?.saveInterview || !this.diagramId) return;
    const { card, session } = this.store.getState();
    const { startedAt, banked } = this.editor.timer.getState();
    if (!session && card.evidence.length === 0 && Object.keys(card.scores).length === 0 && startedAt === null && banked === 0) return;
    const record: StoredInterview = { card, session: this.recorder?.session ?? session, timer: { startedAt, banked } };
    await storage.saveInterview(this.diagramId, structuredClone(record));
  }

  private update(change: Partial<Scorecard>): void {
    this.store.setState((s) => ({ card: { ...s.card, ...change } }));
    this.save();
  }

  setRubric(id: string): void {
    if (this.store.getState().rubrics?.some((r) => r.id === id)) this.update({ rubricId: id, scores: {}, redFlags: [] });
  }

  setScore(criterion: string, level: number | null): void {
    const scores = { ...this.store.getState().card.scores };
    if (level === null) delete scores[criterion];
    else scores[criterion] = level;
    this.update({ scores });
  }

  setDetails(details: Partial<Pick<Scorecard, 'candidate' | 'interviewer' | 'problem' | 'nextSteps' | 'production' | 'collaboration'>>): void {
    this.update(details);
  }

  toggleRedFlag(name: string): void {
    const flags = this.store.getState().card.redFlags;
    this.update({ redFlags: flags.includes(name) ? flags.filter((f) => f !== name) : [...flags, name] });
  }

  /** Pins a note to this moment of the interview, and to the selected node if there is one. */
  addEvidence(kind: EvidenceKind, text: string): Evidence | null {
    const clean = text.trim().slice(0, 2000);
    if (!clean) return null;
    const nodeId = this.editor.selectedNodeIds()[0];
    const node = nodeId ? this.editor.diagram.nodes.find((n) => n.id === nodeId) : undefined;
    const evidence: Evidence = { id: newId('r'), t: this.sessionTime(), kind, text: clean, ...(node ? { nodeId: node.id, nodeLabel: node.label } : {}) };
    this.update({ evidence: [...this.store.getState().card.evidence, evidence] });
    this.recorder?.note(clean, evidence.id, node ? { nodeId: node.id } : {});
    return evidence;
  }

  removeEvidence(id: string): void {
    this.update({ evidence: this.store.getState().card.evidence.filter((e) => e.id !== id) });
  }

  /** Shows the design as it stood at moment t of the session; null goes back to the live diagram. */
  scrub(t: number | null): void {
    const session = this.recorder?.session ?? this.store.getState().session;
    if (t === null || !session) {
      this.store.setState({ preview: null });
      return;
    }
    if (!this.player || this.player.session !== session || this.player.durationMs < (session.events.at(-1)?.t ?? 0)) this.player = new SessionPlayer(session);
    this.store.setState({ preview: { t, diagram: this.player.at(t) } });
  }

  get previewing(): boolean {
    return this.store.getState().preview !== null;
  }

  async report(): Promise<string> {
    await this.loadRubrics();
    const session = this.recorder?.session ?? this.store.getState().session;
    const runs = (session?.events ?? []).filter((e): e is RunEvent => e.type === 'run');
    // The problem is the diagram's (a question's title, when started from one) unless typed in.
    const card = this.store.getState().card;
    const problem = card.problem.trim() || this.editor.diagram.name;
    return feedbackReport({ ...card, problem }, this.rubric()!, { date: new Date(this.editor.env.now()).toISOString().slice(0, 10), session, runs });
  }

  async exportReport(): Promise<void> {
    const card = this.store.getState().card;
    this.editor.env.download(await this.report(), fileNameFor(`Feedback ${card.candidate || this.editor.diagram.name}`, 'md'), 'text/markdown');
    this.editor.notify('Feedback report downloaded (Markdown)');
  }

  /** A finished run, for the session record and the report. */
  recordRun(runId: string | null, summary: string): void {
    this.recorder?.run(runId, summary);
  }

  /** What the drill just run showed, for the report ("the drills run and what they showed"). */
  recordDrillVerdict(verdict: DrillVerdict): void {
    this.recorder?.verdict(verdict);
    this.save();
  }
}
