import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canvas, dragFromPalette, edge, messages, node, runMenu } from '../helpers/canvas';
import { openApp, screenshotPath } from '../helpers/e2e';

const seed = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/seeds', name), 'utf8');

describe('Mermaid import', () => {
  it('previews a pasted seed diagram, imports it as a group with its subgraphs and databases, and undoes it in one step', async () => {
    const { page } = await openApp();
    await dragFromPalette(page, 'Service', { x: 200, y: 200 });
    await runMenu(page, 'File', 'Import Mermaid');
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill(seed('002-02.mmd'));
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toContain('Will create 24 nodes, 13 connections, 6 groups');
    await expect.poll(() => preview.getByRole('list', { name: 'Inferred kinds' }).textContent()).toMatch(/Database ×3.*User Database/);
    await dialog.getByRole('radio', { name: 'This diagram, as a group' }).check();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => node(page, 'US-East Region').count()).toBe(1);
    expect(await node(page, 'User Database\nMulti-Master').count()).toBe(1);
    expect(await node(page, 'User Database\nMulti-Master').getAttribute('aria-label')).toBeTruthy();
    await expect.poll(() => canvas(page).locator('[data-kind="database"]').count()).toBe(3);
    await expect.poll(() => messages(page).textContent()).toContain('Imported 24 nodes, 13 connections, 6 groups');
    await page.waitForTimeout(500); // the fit-to-view animation
    await page.screenshot({ path: screenshotPath('import-seed.png') });
    // The new group holds the import: one undo removes all of it and keeps the Service.
    await page.keyboard.press('Control+z');
    await expect.poll(() => node(page, 'US-East Region').count()).toBe(0);
    expect(await canvas(page).locator('[data-kind="database"]').count()).toBe(0);
    expect(await node(page, 'Service').count()).toBe(1);
  });

  it('opens a Markdown file, lists its fences with their headings, and imports the one picked', async () => {
    const { page } = await openApp();
    await page.getByRole('region', { name: 'Getting started' }).getByRole('button', { name: 'Import Mermaid' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await dialog.getByLabel('Mermaid or Markdown file').setInputFiles(join(process.cwd(), 'tests/fixtures/e2e/design-doc.md'));
    const blocks = dialog.getByRole('group', { name: /3 Mermaid blocks in this file/ });
    await expect.poll(() => blocks.getByRole('checkbox').count()).toBe(3);
    await blocks.getByRole('checkbox', { name: /Request path/ }).uncheck();
    await blocks.getByRole('checkbox', { name: /Async fulfilment/ }).check();
    await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).textContent()).toContain('Will create 4 nodes, 3 connections');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => node(page, 'Fulfilment Worker').count()).toBe(1);
    expect(await node(page, 'API Gateway').count()).toBe(0);
    // The dotted link into the queue is asynchronous; the queue was recognised.
    expect(await canvas(page).locator('[data-kind="queue"]').count()).toBe(1);
    expect(await edge(page, 'Checkout Service', 'Fulfilment Queue').count()).toBe(1);
  });

  it('offers to import Mermaid text pasted on the canvas, and shows an error with its line', async () => {
    const { page } = await openApp();
    await page.evaluate(() => navigator.clipboard.writeText('flowchart LR\n  A[Users] --> B[API]\n  B -->'));
    const box = (await canvas(page).boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + 40);
    await page.keyboard.press('Control+v');
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/line \d/);
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill('flowchart LR\n  A[Users] --> B[API]');
    await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).textContent()).toContain('Will create 2 nodes');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
  });

  it('shows hostile labels as text and runs nothing', async () => {
    const { page } = await openApp();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await runMenu(page, 'File', 'Import Mermaid');
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await dialog
      .getByRole('textbox', { name: 'Mermaid text' })
      .fill('flowchart LR\n  A["#lt;img src=x onerror=alert(1)#gt;Hi"] --> B["#lt;script#gt;window.__pwned=1#lt;/script#gt;"]');
    await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).textContent()).toContain('Will create 2 nodes');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => node(page, '<img src=x onerror=alert(1)>Hi').count()).toBe(1);
    expect(await node(page, '<script>window.__pwned=1</script>').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await canvas(page).locator('img, script').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});
