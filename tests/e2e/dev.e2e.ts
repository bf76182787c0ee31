// `npm run dev` as a developer meets it on a fresh clone: Vite's dependency cache starts empty,
// and the first auto-layout, import, gallery, run, Mermaid picture and PNG export (each loading a
// package lazily, some inside workers) must not make Vite re-bundle and reload the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { box, dragFromPalette, messages, node, overlap, runMenu } from '../helpers/canvas';
import { openApp } from '../helpers/e2e';
import { seed } from '../helpers/seeds';

let server: ViteDevServer;
let cacheDir: string;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'faultline-vite-'));
  server = await createServer({ cacheDir, logLevel: 'warn', server: { port: 0, host: '127.0.0.1', strictPort: false } });
  await server.listen();
});

afterAll(async () => {
  await server?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the dev server', () => {
  it('loads every lazy package without reloading the page', { timeout: 150_000 }, async () => {
    // The first load of a cold dev server pre-bundles every package and transforms the app's
    // modules: on a busy 2-core machine that has taken over 15 s.
    const { page } = await openApp({ path: `${server.resolvedUrls!.local[0]}`, loadTimeoutMs: 60_000 });
    let loads = 0;
    page.on('load', () => loads++);
    await dragFromPalette(page, 'Client', { x: 200, y: 200 });
    await dragFromPalette(page, 'Service', { x: 230, y: 220 });
    await runMenu(page, 'Arrange', 'Auto-layout');
    await expect.poll(async () => overlap(await box(node(page, 'Client')), await box(node(page, 'Service'))), { timeout: 30_000 }).toBe(false);

    await runMenu(page, 'File', 'Import Mermaid');
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill(seed('002-02.mmd'));
    await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).textContent(), { timeout: 30_000 }).toContain('Will create 24 nodes');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => node(page, 'US-East Region').count(), { timeout: 30_000 }).toBe(1);

    await runMenu(page, 'View', 'Show or hide Mermaid code');
    const code = page.getByRole('complementary', { name: 'Mermaid code' });
    await code.getByRole('tab', { name: 'Rendered' }).click();
    await expect.poll(() => code.getByRole('img').count(), { timeout: 30_000 }).toBe(1);

    await runMenu(page, 'File', 'New from an interview question');
    await expect.poll(() => page.getByRole('dialog', { name: 'Question gallery' }).getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.keyboard.press('Escape');

    await runMenu(page, 'Simulate', 'Run scenario');
    await expect.poll(() => messages(page).textContent(), { timeout: 30_000 }).toMatch(/Run finished|Add a client first/);
    expect(loads).toBe(0);
  });
});
