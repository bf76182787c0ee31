import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CAUSES } from '../../../src/sim/types';
import { cli, CLI_FIXTURES } from '../../helpers/cli';

const DIAGRAM = 'checkout.faultline.json';
const SCENARIO = 'inventory-hang.scenario.json';

async function fixture(): Promise<Record<string, unknown>> {
  const { readFileSync } = await import('node:fs');
  return JSON.parse(readFileSync(`${CLI_FIXTURES}/${DIAGRAM}`, 'utf8'));
}

describe('npm run cli -- simulate', () => {
  it('prints a readable summary with the incident timeline', async () => {
    const { code, out, err } = await cli(['simulate', DIAGRAM, '--scenario', SCENARIO]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/Shoppers\s+[\d,]+\s+\d+(\.\d)?%/);
    expect(out).toContain('Incident timeline');
    expect(out).toContain('20.0 s  Inventory DB hangs (injected)');
    expect(out.indexOf('Checkout: all 150 slots waiting on Inventory')).toBeGreaterThan(out.indexOf('Inventory DB hangs'));
  });

  it('prints the full recorded run as JSON with the promised summary fields, the same every time', async () => {
    const first = await cli(['simulate', DIAGRAM, '--scenario', SCENARIO, '--json', '--duration', '30']);
    const second = await cli(['simulate', DIAGRAM, '--scenario', SCENARIO, '--json', '--duration', '30']);
    expect(first.code).toBe(0);
    expect(second.out).toBe(first.out);
    const run = JSON.parse(first.out);
    expect(run.durationMs).toBe(30_000);
    const shoppers = run.summary.clients[0];
    for (const key of ['requests', 'successes', 'successRatio']) expect(typeof shoppers[key]).toBe('number');
    for (const key of ['mean', 'p50', 'p95', 'p99']) expect(shoppers.latency[key]).toBeGreaterThan(0);
    const db = run.summary.nodes.find((n: { id: string }) => n.id === 'inventory-db');
    for (const key of ['arrivals', 'successes', 'meanResponseMs', 'meanQueueWaitMs', 'utilisation']) expect(typeof db[key]).toBe('number');
    expect(Object.keys(db.failures).sort()).toEqual([...CAUSES].sort());
    expect(run.series.node.arrivals.length).toBe(run.nodes.length * run.buckets);
    const other = await cli(['simulate', DIAGRAM, '--scenario', SCENARIO, '--json', '--duration', '30', '--seed', '99']);
    expect(other.out).not.toBe(first.out);
  });

  it('gives the same JSON twice for a diagram without scenarios, from a file and from Mermaid', async () => {
    const d = (await fixture()) as { diagram: { scenarios: unknown[] } };
    d.diagram.scenarios = [];
    const files = { 'plain.json': JSON.stringify(d) };
    for (const path of ['plain.json', 'social-feed.mmd']) {
      const first = await cli(['simulate', path, '--json', '--duration', '5', '--warmup', '1'], files);
      const second = await cli(['simulate', path, '--json', '--duration', '5', '--warmup', '1'], files);
      expect(first.code, first.err).toBe(0);
      expect(second.out, path).toBe(first.out);
      expect(JSON.parse(first.out).scenarioId).toBe('s_default');
    }
  }, 30_000);

  it('uses the seed, duration and warm-up given on the command line', async () => {
    const { out } = await cli(['simulate', DIAGRAM, '--seed', '3', '--duration', '12', '--warmup', '2', '--json']);
    const run = JSON.parse(out);
    expect([run.seed, run.durationMs, run.warmupMs]).toEqual([3, 12_000, 2_000]);
  });

  it.each([
    [
      'an unknown node in a fault',
      { scenario: { name: 'x', faults: [{ id: 'f', type: 'crash', target: { type: 'node', id: 'ghost' }, startMs: 0, endMs: 10 }] } },
      /targets unknown node "ghost"/,
    ],
    ['a negative rate on a client', { rate: -5 }, /Shoppers: Request rate must be at least 0 req\/s/],
    [
      'a negative rate in a scenario',
      { scenario: { name: 'x', traffic: { users: { rateRps: -1 } } } },
      /traffic of users: Request rate must be at least 0 req\/s \(got -1; left out\)/,
    ],
    ['malformed JSON', { raw: '{"format": "faultline", "version": 1, "diagram": {' }, /is not valid JSON/],
    [
      'an unknown fault type',
      { scenario: { name: 'x', faults: [{ type: 'meteor', target: { type: 'node', id: 'users' }, startMs: 0, endMs: 10 }] } },
      /unknown fault type "meteor"/,
    ],
    ['a file that is not a diagram', { raw: '{"hello": 1}' }, /not a Faultline diagram/],
  ])('exits 2 and names the problem for %s', async (_, input, message) => {
    const base = await fixture();
    const files: Record<string, string> = {};
    const args = ['simulate', 'd.json'];
    if ('raw' in input) files['d.json'] = input.raw as string;
    else {
      const d = structuredClone(base) as { diagram: { nodes: { id: string; props: Record<string, number> }[] } };
      if ('rate' in input) d.diagram.nodes.find((n) => n.id === 'users')!.props.rateRps = input.rate as number;
      files['d.json'] = JSON.stringify(d);
    }
    if ('scenario' in input) {
      files['s.json'] = JSON.stringify(input.scenario);
      args.push('--scenario', 's.json');
    }
    const { code, err, out } = await cli(args, files);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('exits 2 for a missing file, a bad option value and no file at all', async () => {
    expect((await cli(['simulate', 'nope.json'])).err).toMatch(/no such file/);
    expect((await cli(['simulate', DIAGRAM, '--seed', 'abc'])).err).toMatch(/--seed must be a number/);
    expect((await cli(['simulate', DIAGRAM, '--seed', '2.5'])).err).toMatch(/Seed must be a whole number/);
    const negative = await cli(['simulate', DIAGRAM, '--duration=-1']);
    expect(negative.code).toBe(2);
    expect(negative.err).toMatch(/Duration must be at least 1 s/);
    expect((await cli(['simulate'])).err).toMatch(/Usage/);
    expect((await cli(['teleport'])).code).toBe(2);
  });

  it('keeps a 45 s warm-up of a 60 s run and counts requests from 45 s', async () => {
    const scenario = { name: 'Long warm-up', seed: 2, durationMs: 60_000, warmupMs: 45_000, traffic: {}, faults: [] };
    const { code, out, err } = await cli(['simulate', DIAGRAM, '--scenario', 's.json', '--json'], { 's.json': JSON.stringify(scenario) });
    expect(err).toBe('');
    expect(code).toBe(0);
    const run = JSON.parse(out);
    expect([run.warmupMs, run.summary.fromMs]).toEqual([45_000, 45_000]);
    // About a quarter of a minute of traffic is counted, not the 55 s after a 5 s warm-up.
    const shoppers = run.summary.clients[0];
    const perSecond = shoppers.requests / 15;
    expect(perSecond).toBeGreaterThan(0);
    const full = JSON.parse(
      (await cli(['simulate', DIAGRAM, '--scenario', 's.json', '--json'], { 's.json': JSON.stringify({ ...scenario, warmupMs: 5_000 }) })).out,
    );
    expect(full.summary.clients[0].requests / shoppers.requests).toBeCloseTo(55 / 15, 0);
  });

  it.each([
    ['a pattern factor out of range', { factor: 5_000 }, /Pattern factor must be at most 1,000 × \(got 5000; left out\)/],
    ['an edge fault with error fraction 7', { fraction: 7 }, /Error rate must be at most 100 % \(got 7; left out\)/],
  ])("refuses %s with the field's own message", async (_, change, message) => {
    const d = (await fixture()) as { diagram: { nodes: { id: string; props: Record<string, unknown> }[]; edges: { id: string }[] } };
    const files: Record<string, string> = {};
    const args = ['simulate', 'd.json'];
    if ('factor' in change) d.diagram.nodes.find((n) => n.id === 'users')!.props.patternFactor = change.factor;
    else {
      const scenario = {
        name: 'x',
        faults: [{ type: 'errorRate', target: { type: 'edge', id: d.diagram.edges[0].id }, startMs: 0, endMs: 10_000, fraction: change.fraction }],
      };
      files['s.json'] = JSON.stringify(scenario);
      args.push('--scenario', 's.json');
    }
    files['d.json'] = JSON.stringify(d);
    const { code, err } = await cli(args, files);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('runs as npm run cli in a real process, with exit code 2 on bad input', () => {
    const ok = execFileSync('npm', ['run', '--silent', 'cli', '--', 'simulate', `${CLI_FIXTURES}/${DIAGRAM}`, '--duration', '10'], { encoding: 'utf8' });
    expect(ok).toContain('Incident timeline');
    const bad = spawnSync('npm', ['run', '--silent', 'cli', '--', 'simulate', `${CLI_FIXTURES}/missing.json`], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no such file');
  });
});
