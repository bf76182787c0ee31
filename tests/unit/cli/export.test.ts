import '../../helpers/withMermaidDom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreDiagram } from '../../../src/files/restoreDiagram';
import { exportMermaidText } from '../../../src/mermaid/exportText';
import { cli } from '../../helpers/cli';
import { changedLines } from '../../helpers/mermaidSource';

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

describe("npm run cli -- export, in the author's own terms", () => {
  const authored = join(process.cwd(), 'tests/fixtures/mermaid/authored');
  const cases = [
    ['checkout.flowchart.mmd', 'W', 'Web shop'],
    ['booking.sequence.mmd', 'API', 'Reservations API'],
    ['order.state.mmd', 'Packing', 'Being wrapped'],
    ['platform.architecture.mmd', 'app', 'Application server'],
  ] as const;

  it.each(cases)('%s: import then export gives back the text as written, and an edit changes one line, as the app writes it', async (file, id, label) => {
    const text = readFileSync(join(authored, file), 'utf8');
    const imported = await cli(['import', file, '--out', 'd.json'], { [file]: text });
    expect(imported.code).toBe(0);
    const unchanged = await cli(['export', 'd.json'], { 'd.json': imported.written['d.json'] });
    expect(unchanged.code).toBe(0);
    expect(unchanged.out).toBe(text);
    expect((await cli(['export', file], { [file]: text })).out).toBe(text);

    const saved = JSON.parse(imported.written['d.json']);
    const node = saved.diagram.nodes.find((n: { id: string }) => n.id === id);
    node.label = label;
    const edited = await cli(['export', 'd.json'], { 'd.json': JSON.stringify(saved) });
    expect(edited.code).toBe(0);
    const changed = changedLines(text, edited.out);
    expect(changed.removed).toHaveLength(1);
    expect(changed.added).toHaveLength(1);
    expect(changed.added[0]).toContain(label);
    // The same file through the app's own path writes the same text.
    const inApp = await exportMermaidText(restoreDiagram(saved.diagram).diagram);
    expect(edited.out).toBe(inApp.text);
  });
});
