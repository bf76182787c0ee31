import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pct } from '../../../src/sim/numbers';
import { cli, CLI_FIXTURES } from '../../helpers/cli';

const DIAGRAM = 'checkout.faultline.json';
const SCENARIO = 'inventory-hang.scenario.json';

/** The checkout diagram with a circuit breaker in front of the inventory database. */
function withBreaker(): string {
  const file = JSON.parse(readFileSync(`${CLI_FIXTURES}/${DIAGRAM}`, 'utf8'));
  const d = file.diagram ?? file;
  d.edges.find((e: { id: string }) => e.id === 'e4').call = { breaker: true };
  return JSON.stringify(file);
}

describe('npm run cli -- postmortem', () => {
  it('writes the Markdown of a fresh run with its figures beside it, numbers from the run', async () => {
    const sim = await cli(['simulate', DIAGRAM, '--scenario', SCENARIO, '--json']);
    const shoppers = JSON.parse(sim.out).summary.clients[0];
    const { code, err, written } = await cli(['postmortem', DIAGRAM, '--scenario', SCENARIO, '--out', 'out/pm.md']);
    expect(code).toBe(0);
    expect(err).toMatch(/^Wrote out\/pm\.md and \d+ figures in out\/figures/);
    const md = written['out/pm.md'];
    expect(md).toContain('## Summary');
    expect(md).toContain('Inventory DB hangs from 20.0 s to 35.0 s');
    expect(md).toContain(
      `| Shoppers | ${shoppers.requests.toLocaleString('en-US')} | ${shoppers.failures.toLocaleString('en-US')} | ${pct(shoppers.successRatio)} |`,
    );
    // The retries the checkout makes to the inventory show as amplification.
    expect(md).toMatch(/\| Checkout → Inventory \| [\d.]+\/s \| [\d.]+\/s \| [1-9][\d,]* \|/);
    const figures = Object.keys(written).filter((f) => f.startsWith('out/figures/'));
    expect(figures.length).toBeGreaterThanOrEqual(3);
    for (const f of figures) expect(md).toContain(`](${f.slice('out/'.length)})`);
  });

  it('tells the same story from the stored run as from the fresh one', async () => {
    const sim = await cli(['simulate', DIAGRAM, '--scenario', SCENARIO, '--json']);
    const fresh = await cli(['postmortem', DIAGRAM, '--scenario', SCENARIO]);
    const stored = await cli(['postmortem', DIAGRAM, '--run', 'run.json'], { 'run.json': sim.out });
    expect(stored.code).toBe(0);
    expect(stored.out).toBe(fresh.out);
  });

  it('measures the fix: a diagram with a breaker, run with the same scenario and seed', async () => {
    const { code, out } = await cli(['postmortem', DIAGRAM, '--scenario', SCENARIO, '--fix', 'fixed.faultline.json'], {
      'fixed.faultline.json': withBreaker(),
    });
    expect(code).toBe(0);
    const fix = out.slice(out.indexOf('## The fix'), out.indexOf('## Action items'));
    expect(fix).toMatch(/Compared with the run “Inventory DB hangs” \(seed 7\)/);
    expect(fix).toMatch(/\| Shoppers \| [\d.]+% \| [\d.]+% \| [+-][\d.]+ points \|/);
  });

  it('writes a printable HTML page', async () => {
    const { written } = await cli(['postmortem', DIAGRAM, '--scenario', SCENARIO, '--out', 'pm.html']);
    expect(written['pm.html']).toMatch(/^<!doctype html>/);
    expect(written['pm.html']).toContain('<h2>Action items</h2>');
    expect(written['pm.html']).toContain('<svg aria-hidden="true" xmlns="http://www.w3.org/2000/svg"');
  });

  it.each([
    [['postmortem'], /Give exactly one diagram file/],
    [['postmortem', DIAGRAM, '--run', 'missing.json'], /Cannot read the run "missing.json": no such file/],
    [['postmortem', DIAGRAM, '--run', SCENARIO], /is not a recorded run/],
    [['postmortem', DIAGRAM, '--run', 'x.json', '--seed', '3'], /--run gives a recorded run/],
    [['postmortem', DIAGRAM, '--seed', 'abc'], /--seed must be a whole number/],
  ])('refuses %j with a reason and exit code 2', async (argv, reason) => {
    const { code, err } = await cli(argv as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(reason);
  });
});
