import '../../helpers/withMermaidDom';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';

describe('npm run cli -- export', () => {
  it('writes Mermaid that imports back to the same diagram', async () => {
    const { code, out } = await cli(['export', 'checkout.faultline.json']);
    expect(code).toBe(0);
    expect(out).toMatch(/^flowchart LR\n/);
    expect(out).toContain('inventory_db[("Inventory DB")]');
    expect(out).toContain('%% faultline: edge checkout->inventory timeoutMs=1000 maxAttempts=3 backoffMs=0 jitter=none');
    const back = await cli(['import', 'x.mmd'], { 'x.mmd': out });
    const diagram = JSON.parse(back.out).diagram;
    expect(diagram.name).toBe('Checkout');
    expect(diagram.edges.find((e: { source: string }) => e.source === 'checkout').call).toEqual({
      timeoutMs: 1000,
      maxAttempts: 3,
      backoffMs: 0,
      jitter: 'none',
    });
  });

  it('writes to --out and refuses a broken diagram with exit code 2', async () => {
    const { code, written } = await cli(['export', 'checkout.faultline.json', '--out', 'c.mmd']);
    expect(code).toBe(0);
    expect(written['c.mmd']).toMatch(/^flowchart/);
    expect((await cli(['export', 'bad.json'], { 'bad.json': '{"nodes": 3}' })).code).toBe(2);
  });
});
