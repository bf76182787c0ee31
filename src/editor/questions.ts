// The question bank as the Editor serves it: the built-in questions and the person's own
// question files (kept in the library, or for this page only without storage), starting a
// diagram from a question, and running its drills with their outcomes checked.
// The bank, its parser (yaml, marked) and the drill checks load when the gallery or a brief first
// needs them: none of it is in the JavaScript that draws the editor.
import { createStore } from 'zustand/vanilla';
import type { Diagram } from '../model';
import type { OutcomeCheck } from '../templates/outcomes';
import type { Drill, QuestionTemplate } from '../templates/types';
import type { Editor } from './Editor';
import { placeOwnFile } from './placeOwnFile';
import { DEFAULT_SEEDS, type OutcomeOverSeeds, seedSensitive } from './studies';

const bankModules = () => Promise.all([import('../templates/bank'), import('../templates/parseTemplate')]);
const drillModules = () => Promise.all([import('../templates/applyDrill'), import('../templates/outcomes'), import('../templates/runDrill')]);

export interface GalleryEntry {
  template: QuestionTemplate;
  /** Imported by the person, not part of the built-in bank. */
  mine: boolean;
}

export type Variant = 'as-is' | 'fixed';

export interface DrillOutcome {
  checks: OutcomeCheck[];
  /** Why the outcome could not be checked (a part it measures was removed). */
  error?: string;
}

export interface QuestionsState {
  /** Bumped whenever the person's questions change, so lists reload. */
  version: number;
  /** Drill outcomes by diagram, drill and variant, for the brief. */
  outcomes: Record<string, DrillOutcome>;
  /** The same over seeds: in how many each stated outcome held, by the same key. */
  overSeeds: Record<string, OutcomeOverSeeds[]>;
}

export function outcomeKey(diagramId: string, drill: Drill, variant: Variant): string {
  return `${diagramId}/${drill.id}/${variant}`;
}

export class QuestionSources {
  readonly state = createStore<QuestionsState>()(() => ({ version: 0, outcomes: {}, overSeeds: {} }));
  /** Questions imported while storage is unavailable live here until the page closes. */
  private readonly unsaved = new Map<string, string>();
  private builtIn: Promise<QuestionTemplate[]> | null = null;
  /** The person's files as parsed, by their text: the gallery lists them often, parses them once. */
  private readonly parsed = new Map<string, QuestionTemplate | null>();

  constructor(private readonly editor: Editor) {}

  /** The built-in bank, parsed once per Editor. */
  bank(): Promise<QuestionTemplate[]> {
    this.builtIn ??= bankModules().then(([{ builtInTemplates }]) => builtInTemplates());
    return this.builtIn;
  }

  private bump(): void {
    this.state.setState((s) => ({ version: s.version + 1 }));
  }

  private async mine(): Promise<QuestionTemplate[]> {
    const [, { parseTemplate }] = await bankModules();
    const store = this.editor.storage?.questions;
    const files = [...(store ? await store.list() : []), ...[...this.unsaved].map(([id, text]) => ({ id, text }))];
    const out: QuestionTemplate[] = [];
    let fresh = 0;
    for (const f of files) {
      let parsed = this.parsed.get(f.text);
      if (parsed === undefined) {
        // One file per task: a person's many files never add up to one long stall.
        if (fresh++ > 0) await new Promise((resolve) => setTimeout(resolve, 0));
        // Stored files passed the parser when they were imported; one that no longer parses (an
        // older format) is left out rather than breaking the gallery.
        try {
          parsed = parseTemplate(f.text);
        } catch {
          parsed = null;
        }
        this.parsed.set(f.text, parsed);
      }
      // The record's id wins over the file's: a file kept beside another was given a new one.
      if (parsed) out.push({ ...parsed, id: f.id });
    }
    return out;
  }

  async entries(): Promise<GalleryEntry[]> {
    const [builtIn, own] = await Promise.all([this.bank(), this.mine()]);
    return [...builtIn.map((template) => ({ template, mine: false })), ...own.map((template) => ({ template, mine: true }))];
  }

  async find(id: string): Promise<QuestionTemplate | null> {
    return (await this.entries()).find((e) => e.template.id === id)?.template ?? null;
  }

  /**
   * Adds a question file to the gallery. Throws the parser's error (with its line) when the file
   * is not a question. An id already taken asks the person (placeOwnFile); null when they cancel.
   */
  async importQuestion(text: string): Promise<{ template: QuestionTemplate; stored: boolean } | null> {
    const [, { parseTemplate }] = await bankModules();
    const parsed = parseTemplate(text);
    const [builtIn, own] = await Promise.all([this.bank(), this.mine()]);
    const id = await placeOwnFile(this.editor, 'question', parsed, {
      builtIn: new Set(builtIn.map((t) => t.id)),
      own: new Set(own.map((t) => t.id)),
    });
    if (!id) return null;
    const template = { ...parsed, id };
    const store = this.editor.storage?.questions;
    let stored = false;
    if (store) {
      await store.put(template.id, template.title, text);
      stored = true;
    } else this.unsaved.set(template.id, text);
    this.bump();
    return { template, stored };
  }

  async removeQuestion(id: string): Promise<void> {
    this.unsaved.delete(id);
    await this.editor.storage?.questions?.remove(id);
    this.bump();
  }

  /** The question's diagram, runnable and with its drills, as a new diagram with the brief open. */
  async startFrom(template: QuestionTemplate, index = 1): Promise<void> {
    const e = this.editor;
    try {
      const { templateDiagram } = await import('../templates/templateDiagram');
      const diagram = await templateDiagram(template, index, (d) => e.layout.layout(d));
      const drills = diagram.scenarios.length;
      const storage = await e.storageReady;
      await storage.adopt(diagram, `Started from “${template.title}”${drills ? `: ${drills} ${drills === 1 ? 'drill' : 'drills'} ready to run` : ''}`);
      e.ui.getState().toggle('galleryOpen', false);
      e.ui.getState().toggle('briefOpen', true);
    } catch (error) {
      e.notify(`“${template.title}” could not be opened: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  /** Runs a drill as it is or with its fix, and checks its stated outcomes against the run. */
  async runDrill(drill: Drill, variant: Variant): Promise<void> {
    const e = this.editor;
    const [{ drillScenario, drillScenarioId, patched }, { checkOutcomes }, { nodeLabels }] = await drillModules();
    const d = e.diagram;
    const id = drillScenarioId(drill);
    if (!d.scenarios.some((s) => s.id === id) && !e.report(e.actions.addDrillScenario(drillScenario(d, drill))).ok) return;
    e.ui.getState().setActiveScenario(id);
    const current = e.diagram;
    const fix = variant === 'fixed' ? drill.fix : null;
    let diagram: Diagram | undefined;
    try {
      diagram = fix ? patched(current, fix.patch) : undefined;
    } catch (error) {
      e.notify(`The fix no longer fits this diagram: ${(error as Error).message}`, 'error');
      return;
    }
    const run = await e.runs.run({ scenarioId: id, diagram, variant: fix ? 'with the fix' : undefined });
    if (!run) return;
    const key = outcomeKey(current.id, drill, variant);
    let outcome: DrillOutcome;
    try {
      outcome = { checks: checkOutcomes(run, fix ? fix.expect : drill.expect, nodeLabels(current)) };
    } catch (error) {
      outcome = { checks: [], error: (error as Error).message };
    }
    this.state.setState((s) => ({ outcomes: { ...s.outcomes, [key]: outcome } }));
    e.interview.recordDrillVerdict({
      drill: drill.title,
      variant: fix ? 'with the fix' : 'as drawn',
      checks: outcome.error
        ? [{ text: `The outcomes could not be checked: ${outcome.error}`, met: false }]
        : outcome.checks.map((c) => ({ text: c.text, met: c.met })),
    });
  }

  /**
   * Runs a drill (as drawn or with its fix) over `n` seeds and counts in how many each stated
   * outcome held: a drill whose outcome holds in under 95% of seeds is seed-sensitive.
   */
  async checkDrillOverSeeds(drill: Drill, variant: Variant, n = DEFAULT_SEEDS): Promise<OutcomeOverSeeds[] | null> {
    const e = this.editor;
    const [{ drillScenario, patched }, , { nodeLabels }] = await drillModules();
    const current = e.diagram;
    const fix = variant === 'fixed' ? drill.fix : null;
    let diagram = current;
    try {
      if (fix) diagram = patched(current, fix.patch);
    } catch (error) {
      e.notify(`The fix no longer fits this diagram: ${(error as Error).message}`, 'error');
      return null;
    }
    const expect = fix ? fix.expect : drill.expect;
    const label = nodeLabels(current);
    const scenario = drillScenario(diagram, drill);
    const outcomes = await e.studies.outcomesOverSeeds(
      diagram,
      { ...scenario, name: `${drill.title}${fix ? ' (with the fix)' : ''}` },
      expect,
      expect.map((x) => `${label(x.of)} ${x.what}, ${x.fromMs / 1000}–${x.toMs / 1000} s`),
      n,
    );
    if (!outcomes) return null;
    const key = outcomeKey(current.id, drill, variant);
    this.state.setState((s) => ({ overSeeds: { ...s.overSeeds, [key]: outcomes } }));
    const held = outcomes.filter((o) => o.held === o.of).length;
    e.notify(
      `${drill.title} (${variant === 'fixed' ? 'with the fix' : 'as drawn'}) over ${n} seeds: ${held} of ${outcomes.length} outcomes held in every seed${seedSensitive(outcomes) ? '; seed-sensitive' : ''}`,
    );
    return outcomes;
  }

  applyFix(drill: Drill): void {
    const e = this.editor;
    if (!drill.fix) return;
    const result = e.report(e.actions.applyFix(drill.fix.title, drill.fix.patch));
    if (result.ok) e.notify(`Applied: ${drill.fix.title}. Undo takes it back.`);
  }
}
