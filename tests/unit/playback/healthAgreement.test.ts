// The incident timeline and the replay's colours come from one judge: on a run with an SLO
// breach by latency alone, the moments the timeline calls "over SLO" are exactly the moments
// the replay paints the client out of its objective, and the same holds for failing nodes.
import { describe, expect, it } from 'vitest';
import { createScenario } from '../../../src/model';
import { projectFrame } from '../../../src/playback/project';
import { buildRunIndex } from '../../../src/playback/runIndex';
import { isUnhealthy } from '../../../src/sim/health';
import { simulate } from '../../../src/sim/simulate';
import type { RecordedRun, RunEvent } from '../../../src/sim/types';
import { fault, threeTier } from '../../helpers/builders';

/** Whether the log says the subject is in the state at time t (between a start and an end event). */
function loggedAt(events: readonly RunEvent[], starts: RunEvent['type'], ends: RunEvent['type'], subject: (e: RunEvent) => boolean, t: number): boolean {
  let on = false;
  for (const e of events) {
    if (e.t > t) break;
    if (!subject(e)) continue;
    if (e.type === starts) on = true;
    else if (e.type === ends) on = false;
  }
  return on;
}

function slowDatabaseRun(): RecordedRun {
  const { diagram, client, db } = threeTier();
  diagram.nodes.find((n) => n.id === client)!.props.sloMs = 300;
  // The database slows down a lot but fails nothing: only the latency objective is broken.
  const scenario = createScenario('Slow database', { seed: 5, faults: [fault('latency', db, 20_000, 35_000, { addMs: 600, factor: 1 })] });
  return simulate(diagram, scenario);
}

describe('health is decided once', () => {
  const run = slowDatabaseRun();
  const index = buildRunIndex(run);
  const client = run.clients[0].id;
  const moments = Array.from({ length: run.buckets }, (_, b) => (b + 1) * run.bucketMs - 1);

  it('has an SLO breach by latency to agree on', () => {
    const breaches = run.events.filter((e) => e.type === 'slo-breach');
    expect(breaches.length).toBeGreaterThan(0);
    expect(breaches[0].detail).toMatch(/^p99 \d+ ms over the 300 ms SLO$/);
  });

  it('paints the client out of its objective exactly while the timeline says it is over its SLO', () => {
    const disagreements = moments.filter((t) => {
      const logged = loggedAt(run.events, 'slo-breach', 'slo-recovered', (e) => e.client === client, t);
      const painted = projectFrame(index, t).nodes.get(client)!.health;
      return logged !== (painted === 'degraded' || painted === 'failing');
    });
    expect(disagreements).toEqual([]);
    // And the breach is visible on the canvas, not only absent on both sides.
    expect(moments.some((t) => projectFrame(index, t).nodes.get(client)!.health === 'degraded')).toBe(true);
  });

  it('paints a node failing or down exactly while the timeline has it unhealthy', () => {
    const { diagram, db } = threeTier();
    const hang = simulate(diagram, createScenario('Hang', { seed: 3, faults: [fault('hang', db, 10_000, 30_000)] }));
    const hangIndex = buildRunIndex(hang);
    const times = Array.from({ length: hang.buckets }, (_, b) => (b + 1) * hang.bucketMs - 1);
    const clients = new Set(hang.clients.map((c) => c.id));
    for (const node of hang.nodes) {
      // Clients are judged by what their users saw: the SLO events, as in the test above.
      const [starts, ends, subject] = clients.has(node.id)
        ? (['slo-breach', 'slo-recovered', (e: RunEvent) => e.client === node.id] as const)
        : (['unhealthy', 'recovered', (e: RunEvent) => e.node === node.id] as const);
      const disagreements = times.filter((t) => {
        const logged = loggedAt(hang.events, starts, ends, subject, t);
        const painted = projectFrame(hangIndex, t).nodes.get(node.id)!.health;
        return logged !== (clients.has(node.id) ? painted === 'degraded' || painted === 'failing' : isUnhealthy(painted));
      });
      expect(disagreements, node.id).toEqual([]);
    }
    expect(moments.length).toBeGreaterThan(0);
    expect(hang.timeline.some((e) => e.text.endsWith('is down'))).toBe(true);
  });
});
