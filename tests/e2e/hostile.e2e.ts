// Hostile input through the app's own doors. A file whose node ids come from all of Unicode
// (quotes, backslashes, control and format characters, every script) opens, connects by
// dragging between handles, renames and exports without a page error. Diagrams with huge labels
// and Markdown that makes parsers slow go through the gallery, the import dialog, the code
// panel and a share link: the main thread never stalls over a second (a long-task observer
// watches), and a share link leaves the stored library as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../../src/files/shareLink';
import { createDiagram } from '../../src/model';
import { connectNodes, edge, messages, node, rename, runMenu } from '../helpers/canvas';
import { newContext, openApp, screenshotPath } from '../helpers/e2e';
import { addQuestionFile, gallery, openGallery } from '../helpers/gallery';

/** Markup that would run if a label ever became HTML. */
const PAYLOAD = '<img src=x onerror=window.__ran=1>';

/** 45 nodes with 1,000-character labels: 13 s of Mermaid drawing before the draw budget. */
function longLabels(): string {
  const lines = ['flowchart LR'];
  for (let i = 0; i < 45; i++) lines.push(`    N${i}[${`Label ${i} ${PAYLOAD} `.padEnd(1_000, 'w')}]${i > 0 ? `\n    N${i - 1} --> N${i}` : ''}`);
  return lines.join('\n');
}

const minimal = readFileSync('tests/fixtures/templates/minimal.md', 'utf8');

function questionFile(name: string, change: (text: string) => string): string {
  const path = screenshotPath(name);
  writeFileSync(path, change(minimal));
  return path;
}

/**
 * A context whose pages record the longest main-thread task since the last reset, and which
 * lists every request that leaves this machine (there must be none).
 */
async function watchedContext(): Promise<{ context: BrowserContext; remote: string[] }> {
  const context = await newContext();
  const remote: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') remote.push(request.url());
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return { context, remote };
}

/** Nothing a label carried ran. */
const ran = (page: Page) => page.evaluate(() => (window as unknown as { __ran?: number }).__ran);

const resetLongest = (page: Page) => page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);

/** Every record of the app's IndexedDB, store by store. */
function libraryDump(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('faultline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              out[name] = req.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
        };
      }),
  );
}

const FIXED = ['say "hi"', 'back\\slash', 'a]b[c', '<img src=x>', "it's", '订单服务', '🚀 launch', 'rtl\u202eoverride', 'line\nbreak'];

function hostileIds(): string[] {
  const random = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }), { numRuns: 11, seed: 18 });
  return [...new Set([...FIXED, ...random])];
}

describe('hostile input', () => {
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

  it('previews a question file with huge labels and refuses Markdown that stalls parsers, the page never held up a second', async () => {
    const { context, remote } = await watchedContext();
    const { page } = await openApp({ context });
    await openGallery(page);
    // The first question's pictures are drawn by Mermaid on opening (about 300 ms here, over a
    // second on a busy machine): wait for them, so what is measured is the hostile files alone.
    await expect
      .poll(
        () =>
          gallery(page)
            .getByRole('region', { name: /^Preview of / })
            .getByRole('img')
            .count(),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await resetLongest(page);
    const huge = questionFile('hostile-labels.md', (t) =>
      t
        .replace('id: minimal', 'id: hostile-labels')
        .replace('title: A minimal question', 'title: Huge labels')
        .replace('Users([Users]) --> API[API] --> DB[(Store)]', longLabels().replace('flowchart LR\n', '')),
    );
    await addQuestionFile(page, huge);
    await gallery(page)
      .getByRole('list', { name: 'Questions' })
      .getByRole('button', { name: /^Huge labels/ })
      .click();
    const preview = gallery(page).getByRole('region', { name: 'Preview of Huge labels' });
    await expect.poll(() => preview.getByRole('button', { name: 'Draw it anyway' }).count()).toBe(1);
    expect(await preview.textContent()).toContain('pictures are drawn at once up to 6,000');
    // What the refusals below must leave as it is.
    const kept = await libraryDump(page);
    const bomb = questionFile('hostile-markdown.md', (t) =>
      t.replace('id: minimal', 'id: hostile-markdown').replace('Serve **users** quickly.', '![a]('.repeat(1_000)),
    );
    await addQuestionFile(page, bomb);
    await expect.poll(() => messages(page).textContent()).toContain('1,000 links or images run together here without a space; at most 4 are read');
    const deep = questionFile('hostile-quotes.md', (t) =>
      t.replace('id: minimal', 'id: hostile-quotes').replace('Serve **users** quickly.', `${'>'.repeat(2_600)} deep`),
    );
    await addQuestionFile(page, deep);
    await expect.poll(() => messages(page).textContent()).toContain('Quotes are nested 2,600 levels deep here; at most 50 are read');
    await page.screenshot({ path: screenshotPath('hostile-gallery.png') });
    expect(await libraryDump(page)).toBe(kept);
    expect(await longest(page)).toBeLessThan(1_000);
    expect(await ran(page)).toBeUndefined();
    expect(remote).toEqual([]);
  });

  it('imports huge labels and shows them in the code panel without a stall; a share link of them stores nothing', async () => {
    const { context, remote } = await watchedContext();
    const { page } = await openApp({ context });
    await expect.poll(() => page.getByText('Saved', { exact: true }).count()).toBe(1);
    const before = await libraryDump(page);

    const d = createDiagram('Huge labels');
    d.nodes = Array.from({ length: 45 }, (_, i) => ({
      id: `n${i}`,
      kind: 'service' as const,
      label: `Label ${i} ${PAYLOAD} `.padEnd(1_000, 'w'),
      position: { x: (i % 9) * 300, y: Math.floor(i / 9) * 200 },
      props: {},
    }));
    const link = `/#${encodeShareFragment(d)}`;
    const { page: shared } = await openApp({ context, path: link });
    await expect.poll(() => node(shared, `Label 0 ${PAYLOAD} `.padEnd(1_000, 'w')).count()).toBe(1);
    await resetLongest(shared);
    await runMenu(shared, 'View', 'Show or hide Mermaid code');
    const code = shared.getByRole('complementary', { name: 'Mermaid code' });
    await code.getByRole('tab', { name: 'Rendered' }).click();
    await expect.poll(() => code.getByRole('button', { name: 'Draw it anyway' }).count()).toBe(1);
    expect(await longest(shared)).toBeLessThan(1_000);
    expect(await ran(shared)).toBeUndefined();
    expect(await libraryDump(shared)).toBe(before);
    await shared.close();

    await resetLongest(page);
    const beforeImport = await libraryDump(page);
    await runMenu(page, 'File', 'Import Mermaid');
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill(longLabels());
    await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).textContent(), { timeout: 10_000 }).toContain('Will create 45 nodes');
    expect(await longest(page)).toBeLessThan(1_000);
    expect(await ran(page)).toBeUndefined();
    expect(remote).toEqual([]);
    // A preview stores nothing; only Import does.
    expect(await libraryDump(page)).toBe(beforeImport);
  });
});
