// Hostile input through the app's own doors: a file whose node ids come from all of Unicode
// (quotes, backslashes, control and format characters, every script) opens, connects by
// dragging between handles, renames and exports without a page error.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectNodes, edge, messages, node, rename, runMenu } from '../helpers/canvas';
import { openApp, screenshotPath } from '../helpers/e2e';

const FIXED = ['say "hi"', 'back\\slash', 'a]b[c', '<img src=x>', "it's", '订单服务', '🚀 launch', 'rtl\u202eoverride', 'line\nbreak'];

function hostileIds(): string[] {
  const random = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }), { numRuns: 11, seed: 18 });
  return [...new Set([...FIXED, ...random])];
}

describe('hostile ids', () => {
  it('opens, connects, renames and exports a diagram whose ids come from all of Unicode, without a page error', async () => {
    const ids = hostileIds();
    const file = screenshotPath('hostile-ids.faultline.json');
    const nodes = ids.map((id, i) => ({ id, kind: 'service', label: `Node ${i}`, position: { x: (i % 5) * 260, y: Math.floor(i / 5) * 160 } }));
    writeFileSync(file, JSON.stringify({ format: 'faultline', version: 1, diagram: { name: 'Hostile ids', nodes, edges: [] } }));
    const { page, errors } = await openApp();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), runMenu(page, 'File', 'Open file (.faultline.json)')]);
    await chooser.setFiles(file);
    await expect.poll(() => node(page, 'Node 0').count()).toBe(1);
    await expect.poll(() => messages(page).textContent()).toContain('held characters an id may not');
    // Into a node whose id had a quote, and one whose id had a line break: React Flow looks the
    // target handle up with an unescaped selector.
    await connectNodes(page, 'Node 1', 'Node 0');
    await connectNodes(page, 'Node 3', 'Node 8');
    await expect.poll(() => edge(page, 'Node 1', 'Node 0').count()).toBe(1);
    expect(await edge(page, 'Node 3', 'Node 8').count()).toBe(1);
    await rename(page, 'Node 2', 'Renamed');
    await runMenu(page, 'View', 'Show or hide Mermaid code');
    const code = page.getByRole('complementary', { name: 'Mermaid code' });
    await expect.poll(() => code.textContent()).toContain('Renamed');
    expect(errors).toEqual([]);
  });
});
