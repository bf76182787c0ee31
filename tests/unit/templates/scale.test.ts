// A question's scale requirements as numbers: read from front matter, turned into client rates at
// full scale and at the simulation's share, and checked by the capacity model.
import '../../helpers/withMermaidDom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateFiles } from '../../../src/cli/drillsCommand';
import { layoutDiagram } from '../../../src/layout/layoutDiagram';
import { createNodeElk } from '../../../src/layout/nodeElk';
import { baselineScenario, isSource } from '../../../src/model';
import { capacityCheck } from '../../../src/sim/capacity';
import { parseTemplate } from '../../../src/templates/parseTemplate';
import { largeNumber, parseScale, scaleRates } from '../../../src/templates/scale';
import { templateDiagram } from '../../../src/templates/templateDiagram';

describe('scale requirements', () => {
  it('turns requests a day and a peak factor into a peak rate, and says how', () => {
    const s = parseScale({ requestsPerDay: 100_000_000_000, peakFactor: 2, simulateAt: 0.00065, clients: { Users: 1 } })!;
    expect(s.peakRps).toBeCloseTo((100e9 / 86_400) * 2, 6);
    expect(s.basis).toBe('100 billion requests a day, 2× the average at peak');
    expect(parseScale({ dailyUsers: 5_000_000, requestsPerUserPerDay: 20, peakFactor: 3 })!.peakRps).toBeCloseTo((1e8 / 86_400) * 3, 6);
    expect(parseScale({ peakRps: 100_000 })!.basis).toBe('100,000 requests a second at peak');
    expect(largeNumber(2_314_815)).toBe('2.31 million');
  });

  it('refuses what it cannot read, naming the field', () => {
    expect(() => parseScale({ requestsPerDay: -1 })).toThrow('"scale.requestsPerDay" must be a number above 0');
    expect(() => parseScale({ simulateAt: 0.5 })).toThrow('"scale" needs peakRps, requestsPerDay, or dailyUsers with requestsPerUserPerDay');
    expect(() => parseScale({ peakRps: 10, simulateAt: 2 })).toThrow('"scale.simulateAt" must be a number above 0 and at most 1');
    expect(() => parseScale({ peakRps: 10, rps: 3 })).toThrow('"scale" has no field "rps"');
    expect(parseScale(undefined)).toBeNull();
  });

  it('splits the peak between clients by share, or evenly, at full scale and at the simulation’s share', () => {
    const s = parseScale({ peakRps: 10_000, simulateAt: 0.01, clients: { web: 3, mobile: 1 } })!;
    expect(scaleRates(s, ['web', 'mobile'])).toEqual({ full: { web: 7_500, mobile: 2_500 }, simulated: { web: 75, mobile: 25 } });
    expect(scaleRates(parseScale({ peakRps: 100, simulateAt: 1 })!, ['a', 'b']).full).toEqual({ a: 50, b: 50 });
  });

  it('every question that states its scale names clients of its diagram, and the model checks the numbers', async () => {
    const elk = createNodeElk();
    const scaled = templateFiles()
      .map((path) => parseTemplate(readFileSync(path, 'utf8')))
      .filter((t) => t.scale);
    expect(scaled.map((t) => t.id).sort()).toEqual(['notifications', 'payment-processing', 'payments', 'realtime-analytics', 'social-feed']);
    for (const t of scaled) {
      const d = await templateDiagram(t, t.scale!.diagram, (x) => layoutDiagram(x, elk));
      const clients = d.nodes.filter((n) => isSource(n.kind)).map((n) => n.id);
      for (const id of Object.keys(t.scale!.clients)) expect(clients, `${t.id}: ${id}`).toContain(id);
      const rates = scaleRates(t.scale!, clients);
      // The simulation's share is what the drawing runs at: its clients' rates as set up.
      for (const id of clients) {
        const set = d.nodes.find((n) => n.id === id)!.props.rateRps!;
        expect(Math.abs(rates.simulated[id] - set) / set, `${t.id}: ${id}`).toBeLessThan(0.01);
      }
      expect(capacityCheck(d, baselineScenario(), rates.full)).not.toBeNull();
    }
  });

  it('at full scale, a social network’s timeline service is far past its slots: the check says so before anything runs', async () => {
    const t = parseTemplate(readFileSync('templates/social-feed.md', 'utf8'));
    const d = await templateDiagram(t, 1, (x) => layoutDiagram(x, createNodeElk()));
    const { full } = scaleRates(t.scale!, ['Users']);
    const over = capacityCheck(d, d.scenarios[0], full)!.filter((r) => r.over);
    expect(over.map((r) => r.label)).toContain('Timeline Service');
    // Over forty times what its slots can hold.
    expect(over.find((r) => r.label === 'Timeline Service')!.utilisation!).toBeGreaterThan(10);
  });
});
