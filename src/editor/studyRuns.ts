// The work of the studies (src/editor/studies.ts): what to run, and what the runs add up to.
// Loaded with the first study, with the statistics and the sweeps: none of it is needed to draw.
import type { Diagram, Scenario } from '../model';
import { baselineScenario, findScenario, isSource, newId, simulationRevision } from '../model';
import { scenarioTitle } from '../sim/describe';
import { pct } from '../sim/numbers';
import { aggregate, digestRun, formatEstimate, replicationSeeds } from '../sim/replicate';
import { compareEstimates } from '../sim/stats';
import {
  analyseHysteresis,
  findKnee,
  type HysteresisSpec,
  KNEE_RULE,
  type LoadSweepSpec,
  type ParameterSweepSpec,
  type PlannedRun,
  planHysteresis,
  planLoadSweep,
  planParameterSweep,
  SweepError,
  sweepPoints,
} from '../sim/sweep';
import type { Expectation } from '../templates/types';
import type { Editor } from './Editor';
import type { ComparedOverSeeds, OutcomeOverSeeds, StudyControl, StudyRecord, StudyResult } from './studies';

export class StudyRuns {
  constructor(
    private readonly editor: Editor,
    private readonly control: StudyControl,
  ) {}

  /** The scenario a study of the open diagram runs: the active one, or the baseline. */
  private scenario(): Scenario {
    const e = this.editor;
    return findScenario(e.diagram, e.ui.getState().activeScenarioId) ?? baselineScenario();
  }

  private needsClient(d: Diagram): boolean {
    if (d.nodes.some((n) => isSource(n.kind))) return true;
    this.editor.notify('Add a client first: clients send the traffic a study measures', 'error');
    return false;
  }

  /**
   * A study's plan for the open diagram, or null when it cannot be made: no client, or inputs
   * refused (a bad range, a missing part), which are said rather than thrown.
   */
  private plan<P>(make: (d: Diagram, scenario: Scenario) => P): { d: Diagram; plan: P } | null {
    const d = this.editor.diagram;
    if (!this.needsClient(d)) return null;
    try {
      return { d, plan: make(d, this.scenario()) };
    } catch (error) {
      if (error instanceof SweepError) this.editor.notify(error.message, 'error');
      else throw error;
      return null;
    }
  }

  private keep(name: string, scenario: Scenario, seeds: number, result: StudyResult, diagram: Diagram): Promise<StudyRecord> {
    return this.control.keep({
      id: newId('r'),
      diagramId: diagram.id,
      createdAt: this.editor.env.now(),
      name,
      scenarioId: scenario.id,
      diagramRevision: simulationRevision(diagram, scenario),
      seeds,
      result,
    });
  }

  async replicate(n: number): Promise<StudyRecord | null> {
    const d = this.editor.diagram;
    if (!this.needsClient(d)) return null;
    const scenario = this.scenario();
    const title = `${scenarioTitle(scenario, d)} over ${n} seeds`;
    const digests = await this.control.runBatch(
      title,
      replicationSeeds(scenario.seed, n).map((seed) => ({ diagram: d, scenario, seed })),
    );
    if (!digests) return null;
    const replicated = aggregate(digests);
    this.editor.notify(`${title}: ${replicated.clients.map((c) => `${c.label} ${formatEstimate(c.successRatio, pct)} success`).join('; ')}`);
    return this.keep(title, scenario, n, { kind: 'replication', replicated }, d);
  }

  private async sweep(
    kind: 'load' | 'parameter',
    name: string,
    axis: string,
    unit: string,
    clientId: string,
    plan: { xs: number[]; runs: PlannedRun[] },
    seeds: number,
  ) {
    const d = this.editor.diagram;
    const digests = await this.control.runBatch(name, plan.runs);
    if (!digests) return null;
    const points = sweepPoints(
      plan.xs,
      plan.runs.map((r, i) => ({ point: r.point, digest: digests[i] })),
      clientId,
    );
    const knee = findKnee(points);
    this.editor.notify(
      knee === null ? `${name}: no knee within the range swept` : `${name}: the knee is between ${knee.between.map(Math.round).join(' and ')} ${unit}`.trim(),
    );
    return this.keep(name, this.scenario(), seeds, { kind, axis, unit, clientId, points, knee, kneeRule: KNEE_RULE }, d);
  }

  async loadSweep(spec: LoadSweepSpec): Promise<StudyRecord | null> {
    const planned = this.plan((d, scenario) => planLoadSweep(d, scenario, spec));
    if (!planned) return null;
    const { d, plan } = planned;
    const client = d.nodes.find((n) => n.id === spec.clientId)!;
    const name = `Load sweep of ${client.label}: ${Math.round(spec.fromRps)} to ${Math.round(spec.toRps)} req/s in ${spec.steps} steps × ${spec.seeds} seeds`;
    return this.sweep('load', name, `${client.label} load`, 'req/s', spec.clientId, plan, spec.seeds);
  }

  async parameterSweep(spec: ParameterSweepSpec, clientId?: string): Promise<StudyRecord | null> {
    const planned = this.plan((d, scenario) => planParameterSweep(d, scenario, spec));
    if (!planned) return null;
    const { d, plan } = planned;
    const label = (id: string) => d.nodes.find((n) => n.id === id)?.label ?? id;
    const edge = d.edges.find((x) => x.id === spec.target.id);
    const part = spec.target.type === 'node' ? label(spec.target.id) : `${label(edge!.source)} → ${label(edge!.target)}`;
    const client = clientId ?? d.nodes.find((n) => isSource(n.kind))!.id;
    const name = `${spec.field} of ${part}: ${spec.values.join(', ')} × ${spec.seeds} seeds`;
    return this.sweep('parameter', name, `${spec.field} of ${part}`, '', client, plan, spec.seeds);
  }

  async hysteresis(spec: HysteresisSpec): Promise<StudyRecord | null> {
    const e = this.editor;
    const planned = this.plan((d, scenario) => planHysteresis(d, scenario, spec));
    if (!planned) return null;
    const { d, plan } = planned;
    const scenario = { ...plan.scenario, id: `${plan.scenario.id}-hysteresis` };
    const run = await e.runs.run({ diagram: d, scenario });
    if (!run) return null;
    const clientIndex = Math.max(
      0,
      run.summary.clients.findIndex((c) => c.id === spec.clientId),
    );
    const result = analyseHysteresis(plan.loads, spec.stepMs, digestRun(run), clientIndex);
    e.notify(result.verdict);
    return this.keep(
      scenario.name,
      scenario,
      1,
      { kind: 'hysteresis', clientId: spec.clientId, stepMs: spec.stepMs, result, runId: e.playback.getState().runId },
      d,
    );
  }

  async compareOverSeeds(a: Scenario, b: Scenario, n: number): Promise<ComparedOverSeeds[] | null> {
    const d = this.editor.diagram;
    const jobs = [a, b].flatMap((s) => replicationSeeds(s.seed, n).map((seed) => ({ diagram: d, scenario: s, seed })));
    const digests = await this.control.runBatch(`Comparing over ${n} seeds each`, jobs);
    if (!digests) return null;
    const ra = aggregate(digests.slice(0, n));
    const rb = aggregate(digests.slice(n));
    return ra.clients.map((ca) => {
      const cb = rb.clients.find((c) => c.id === ca.id) ?? rb.clients[0];
      return { label: ca.label, a: ca.successRatio, b: cb.successRatio, ...compareEstimates(ca.successRatio, cb.successRatio) };
    });
  }

  async outcomesOverSeeds(
    diagram: Diagram,
    scenario: Scenario,
    expect: readonly Expectation[],
    labels: readonly string[],
    n: number,
  ): Promise<OutcomeOverSeeds[] | null> {
    const digests = await this.control.runBatch(
      `${scenario.name} over ${n} seeds`,
      replicationSeeds(scenario.seed, n).map((seed) => ({ diagram, scenario, seed, expect })),
    );
    if (!digests) return null;
    return labels.map((label, i) => ({ label, held: digests.filter((dg) => dg.held?.[i]).length, of: digests.length }));
  }
}
