import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../../src/playback/charts';
import { hangRun } from '../../helpers/runs';

describe('chart series', () => {
  const run = hangRun();
  const panel = (set: ReturnType<typeof chartsFor>, title: string) => set!.panels.find((p) => p.title === title)!;
  const line = (set: ReturnType<typeof chartsFor>, title: string, label: string) => panel(set, title).lines.find((l) => l.label === label)!.values;

  it('gives a node its throughput per second, adding up to the run', () => {
    const set = chartsFor(run, { type: 'node', id: 'api' });
    expect(set!.title).toBe('API');
    expect(set!.x).toHaveLength(run.buckets);
    const perSecond = line(set, 'Throughput', 'arrivals');
    const total = perSecond.reduce((a, v) => a + (v * run.bucketMs) / 1000, 0);
    const recorded = run.series.node.arrivals.subarray(run.buckets, 2 * run.buckets).reduce((a, v) => a + v, 0);
    expect(total).toBeCloseTo(recorded, 0);
  });

  it('shows only the failure causes that happened: timeouts at the caller of the hung database', () => {
    const causes = panel(chartsFor(run, { type: 'node', id: 'api' }), 'Failures by cause').lines.map((l) => l.label);
    expect(causes).toContain('timeout');
    expect(causes).not.toContain('rate-limited');
  });

  it('gives a client its success percentage, low during the fault', () => {
    const set = chartsFor(run, { type: 'node', id: 'client' });
    const success = line(set, 'Success', 'success %');
    const at = (seconds: number) => success[Math.floor((seconds * 1000) / run.bucketMs)];
    expect(at(7)).toBeGreaterThan(95);
    expect(at(20)).toBeLessThan(20);
    expect(at(50)).toBeGreaterThan(95);
  });

  it('gives an edge its calls and breaker, and nothing for unknown parts', () => {
    const set = chartsFor(run, { type: 'edge', id: 'eapi-db' });
    expect(set!.title).toBe('API → Orders DB');
    expect(panel(set, 'Calls').lines.map((l) => l.label)).toEqual(['calls', 'attempts', 'failures', 'timeouts']);
    expect(chartsFor(run, { type: 'edge', id: 'nope' })).toBeNull();
    expect(chartsFor(run, { type: 'node', id: 'nope' })).toBeNull();
  });
});
