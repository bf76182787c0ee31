import { describe, expect, it } from 'vitest';
import { nextFrame, projectFrame } from '../../../src/playback/project';
import { buildRunIndex } from '../../../src/playback/runIndex';
import { createScenario } from '../../../src/model';
import { simulate } from '../../../src/sim/simulate';
import { DiagramBuilder, fault } from '../../helpers/builders';
import { hangRun } from '../../helpers/runs';

describe('recorded run + time -> canvas state', () => {
  const index = buildRunIndex(hangRun());
  const healthAt = (t: number) => Object.fromEntries([...projectFrame(index, t).nodes].map(([id, v]) => [id, v.health]));

  it('shows everything healthy before the fault', () => {
    expect(healthAt(7_000)).toEqual({ client: 'healthy', api: 'healthy', db: 'healthy' });
  });

  it('shows the hung database down, marked with its fault, and its callers failing', () => {
    const frame = projectFrame(index, 20_000);
    expect(healthAt(20_000)).toEqual({ client: 'failing', api: 'failing', db: 'down' });
    expect(frame.nodes.get('db')!.faults).toEqual([{ type: 'hang', text: 'Orders DB hangs' }]);
    expect(frame.nodes.get('api')!.faults).toEqual([]);
    // The requests the database accepted and never answered pile up there.
    expect(frame.nodes.get('db')!.inFlight).toBeGreaterThan(100);
    expect(frame.edges.get('eapi-db')!.health).toBe('failing');
    expect(frame.edges.get('eapi-db')!.failureRatio).toBeGreaterThan(0.9);
  });

  it('shows everything healthy again well after the fault ends', () => {
    expect(healthAt(50_000)).toEqual({ client: 'healthy', api: 'healthy', db: 'healthy' });
    expect(projectFrame(index, 50_000).nodes.get('db')!.faults).toEqual([]);
  });

  it('gives edges their call rate and a width relative to the busiest edge', () => {
    const edge = projectFrame(index, 50_000).edges.get('eclient-api')!;
    // The client sends 100 requests a second by default.
    expect(edge.rate).toBeGreaterThan(70);
    expect(edge.rate).toBeLessThan(130);
    expect(edge.weight).toBeGreaterThan(0.5);
    expect(edge.weight).toBeLessThanOrEqual(1);
  });

  it('shows a breaker OPEN while the database hangs and closed after', () => {
    const withBreaker = buildRunIndex(hangRun({ breaker: true }));
    const states = new Set<string>();
    for (let t = 10_000; t < 30_000; t += 200) states.add(projectFrame(withBreaker, t).edges.get('eapi-db')!.breaker);
    expect(states).toContain('open');
    expect(projectFrame(withBreaker, 5_000).edges.get('eapi-db')!.breaker).toBe('closed');
    expect(projectFrame(withBreaker, 55_000).edges.get('eapi-db')!.breaker).toBe('closed');
  });

  it('clamps times outside the run to its first and last bucket', () => {
    expect(projectFrame(index, -5).bucket).toBe(0);
    expect(projectFrame(index, 10 ** 9).bucket).toBe(index.run.buckets - 1);
  });

  it('marks a fault on a group on the group, and its members down', () => {
    const b = new DiagramBuilder();
    const zone = b.group('Zone A', { id: 'zone' });
    const client = b.node('client', { id: 'c' });
    const api = b.node('service', { id: 'api', parent: zone });
    b.chain(client, api);
    const run = simulate(b.build(), createScenario('Zone outage', { faults: [fault('crash', zone, 10_000, 20_000)] }));
    const frame = projectFrame(buildRunIndex(run), 15_000);
    expect(frame.nodes.get('zone')!.faults).toEqual([{ type: 'crash', text: 'Zone A crashes' }]);
    expect(frame.nodes.get('api')!.health).toBe('down');
  });

  it('marks an edge fault on the edge', () => {
    const b = new DiagramBuilder();
    const client = b.node('client', { id: 'c' });
    const api = b.node('service', { id: 'api', label: 'API' });
    const db = b.node('database', { id: 'db', label: 'DB' });
    b.chain(client, api, db);
    const cut = { ...fault('partition', 'x', 10_000, 20_000), target: { type: 'edge' as const, id: 'eapi-db' }, partition: 'refuse' as const };
    const frame = projectFrame(buildRunIndex(simulate(b.build(), createScenario('Cut', { faults: [cut] }))), 15_000);
    expect(frame.edges.get('eapi-db')!.faults).toEqual([{ type: 'partition', text: 'API → DB is cut off (connections refused)' }]);
    expect(frame.nodes.get('api')!.health).toBe('failing');
  });

  it('keeps the view objects of parts whose state did not change', () => {
    const a = nextFrame(index, 50_000, null);
    const same = nextFrame(index, 50_000, a);
    expect(same.nodes.get('db')).toBe(a.nodes.get('db'));
    expect(same.edges.get('eapi-db')).toBe(a.edges.get('eapi-db'));
    const later = nextFrame(index, 20_000, a);
    expect(later.nodes.get('db')).not.toBe(a.nodes.get('db'));
    expect(later.nodes.get('db')!.health).toBe('down');
  });
});
