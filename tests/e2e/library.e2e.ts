import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvas, dragFromPalette, edge, messages, node, rename, runMenu, serviceAndDatabase } from '../helpers/canvas';
import { clipboardText, newContext, openApp, screenshotPath } from '../helpers/e2e';
import { decodeShareFragment } from '../../src/files/shareLink';

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
const saved = (page: Page) => expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toBe('Saved');

async function sketch(page: Page) {
  await saved(page);
  await serviceAndDatabase(page, true);
}

describe('the local library', () => {
  it('keeps every edit across a reload', async () => {
    const { page } = await openApp();
    await sketch(page);
    await rename(page, 'Service', 'Checkout');
    await node(page, 'Checkout').click();
    const replicas = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Replicas' });
    await replicas.fill('6');
    await replicas.press('Enter');
    await saved(page);
    await page.reload();
    await expect.poll(() => node(page, 'Checkout').count()).toBe(1);
    expect(await edge(page, 'Checkout', 'Database').count()).toBe(1);
    await node(page, 'Checkout').click();
    await expect.poll(() => page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Replicas' }).inputValue()).toBe('6');
    await saved(page);
  });

  it('keeps an edit made just before the page was closed', async () => {
    const context = await newContext();
    const { page } = await openApp({ context });
    await sketch(page);
    await saved(page);
    await node(page, 'Service').dblclick();
    const input = canvas(page).getByRole('textbox', { name: 'Label' });
    await input.fill('Renamed then closed');
    await input.press('Enter');
    // Close at once: well inside the autosave delay.
    await page.close({ runBeforeUnload: true });
    const { page: again } = await openApp({ context });
    await expect.poll(() => node(again, 'Renamed then closed').count()).toBe(1);
  });

  it('loses no edit when two tabs work on one diagram', async () => {
    const context = await newContext();
    const { page: a } = await openApp({ context });
    await sketch(a);
    await saved(a);
    const { page: b } = await openApp({ context });
    await expect.poll(() => node(b, 'Service').count()).toBe(1);
    // One after the other: each tab sees the other's edit.
    await rename(a, 'Service', 'Edited in A');
    await saved(a);
    await expect.poll(() => node(b, 'Edited in A').count()).toBe(1);
    await rename(b, 'Database', 'Edited in B');
    await saved(b);
    await expect.poll(() => node(a, 'Edited in B').count()).toBe(1);
    expect(await node(a, 'Edited in A').count()).toBe(1);
    // Both at once: the one that saves second is told, and keeps its version as a copy.
    await rename(a, 'Edited in A', 'A again');
    await rename(b, 'Edited in B', 'B again');
    const conflict = async () => {
      for (const [tab, other] of [
        [a, b],
        [b, a],
      ] as const) {
        if ((await tab.getByRole('alert').filter({ hasText: 'changed in another tab' }).count()) > 0) return { loser: tab, winner: other };
      }
      return null;
    };
    await expect.poll(async () => (await conflict()) !== null, { timeout: 10_000 }).toBe(true);
    const { loser, winner } = (await conflict())!;
    const loserEdit = loser === a ? 'A again' : 'B again';
    const winnerEdit = loser === a ? 'B again' : 'A again';
    await loser.screenshot({ path: screenshotPath('library-conflict.png') });
    await loser.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await saved(loser);
    expect(await node(loser, loserEdit).count()).toBe(1);
    await expect.poll(() => loser.getByRole('button', { name: /\(my copy\)/ }).count()).toBe(1);
    // The winner's edit is in the original, and both diagrams are in the library.
    expect(await node(winner, winnerEdit).count()).toBe(1);
    await runMenu(winner, 'File', 'Open library');
    const list = winner.getByRole('list', { name: 'Diagrams' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
  });

  it('exports a file that opens in a fresh browser', async () => {
    const { page } = await openApp();
    await sketch(page);
    await rename(page, 'Service', 'Payments');
    await saved(page);
    const [download] = await Promise.all([page.waitForEvent('download'), runMenu(page, 'File', 'Export file')]);
    expect(download.suggestedFilename()).toBe('Untitled-diagram.faultline.json');
    const file = screenshotPath('exported.faultline.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('faultline');
    const { page: fresh } = await openApp();
    await saved(fresh);
    const [chooser] = await Promise.all([fresh.waitForEvent('filechooser'), runMenu(fresh, 'File', 'Open file (.faultline.json)')]);
    await chooser.setFiles(file);
    await expect.poll(() => node(fresh, 'Payments').count()).toBe(1);
    // React Flow draws an edge once both its nodes are measured: a frame or more after the nodes.
    await expect.poll(() => edge(fresh, 'Payments', 'Database').count()).toBe(1);
    await expect.poll(() => messages(fresh).textContent()).toContain('Opened exported.faultline.json');
  });

  it('opens a share link in a fresh browser as a copy, stored only when asked', async () => {
    const { page } = await openApp();
    await sketch(page);
    await rename(page, 'Service', 'Shared service');
    await runMenu(page, 'File', 'Copy share link');
    const link = await clipboardText(
      page,
      (t) => t.includes('#share=') && JSON.stringify(decodeShareFragment(t.slice(t.indexOf('#') + 1)).diagram).includes('Shared service'),
    );
    const { page: fresh } = await openApp({ path: new URL(link).pathname + new URL(link).hash });
    await expect.poll(() => node(fresh, 'Shared service').count()).toBe(1);
    const banner = fresh.getByRole('region', { name: 'Shared diagram' });
    expect(await banner.isVisible()).toBe(true);
    expect(await saveStatus(fresh).textContent()).toBe('Not in your library');
    await runMenu(fresh, 'File', 'Open library');
    // The dialog loads when first opened: wait for what it says, not for an empty list.
    const library = fresh.getByRole('dialog', { name: 'Library' });
    await expect.poll(() => library.getByText('No diagrams yet.').count()).toBe(1);
    await fresh.keyboard.press('Escape');
    await expect.poll(() => library.count()).toBe(0);
    await banner.getByRole('button', { name: 'Save to library' }).click();
    await saved(fresh);
    await fresh.reload();
    await expect.poll(() => node(fresh, 'Shared service').count()).toBe(1);
    expect(await fresh.getByRole('region', { name: 'Shared diagram' }).count()).toBe(0);
  });

  it('a malformed share link gets a message, and the app still works', async () => {
    const { page } = await openApp({ path: '/#share=not-a-real-link' });
    await expect.poll(() => messages(page).textContent()).toMatch(/share link is damaged/);
    await dragFromPalette(page, 'Cache', { x: 300, y: 200 });
    await expect.poll(() => node(page, 'Cache').count()).toBe(1);
  });

  it('creates, renames, duplicates, searches and deletes diagrams, with undo of the delete, and reopens the last one', async () => {
    const context = await newContext();
    const { page } = await openApp({ context });
    await sketch(page);
    await saved(page);
    await runMenu(page, 'File', 'Open library');
    const dialog = page.getByRole('dialog', { name: 'Library' });
    const list = dialog.getByRole('list', { name: 'Diagrams' });
    await dialog.getByRole('button', { name: 'Rename Untitled diagram' }).click();
    await dialog.getByRole('textbox', { name: 'New name for Untitled diagram' }).fill('Shop');
    await dialog.getByRole('textbox', { name: 'New name for Untitled diagram' }).press('Enter');
    await expect.poll(() => list.textContent()).toContain('Shop');
    await dialog.getByRole('button', { name: 'Duplicate Shop' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await dialog.getByRole('button', { name: 'New diagram' }).click();
    await expect.poll(() => node(page, 'Service').count()).toBe(0);
    await saved(page);
    await runMenu(page, 'File', 'Open library');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await dialog.getByRole('searchbox', { name: 'Search diagrams' }).fill('shop');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Delete Shop (copy)' }).click();
    await dialog.getByRole('group', { name: 'Delete Shop (copy)?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await dialog.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await list.getByRole('button', { name: /^Shop \(copy\)/ }).click();
    await expect.poll(() => node(page, 'Service').count()).toBe(1);
    await saved(page);
    // The last one open comes back on the next start.
    await page.close();
    const { page: again } = await openApp({ context });
    await saved(again);
    expect(await again.getByRole('banner').getByRole('button', { name: 'Shop (copy)' }).count()).toBe(1);
    expect(await node(again, 'Service').count()).toBe(1);
  });
});
