// Side panels take their width from the canvas: with the brief open, fit view puts every node
// where it can be seen, at 1280×720 and at 1920×1080; the panel's width is the person's to drag
// and is remembered.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { box, canvas, node, overlap } from '../helpers/canvas';
import { newContext, openApp, screenshotPath } from '../helpers/e2e';
import { gallery, openGallery } from '../helpers/gallery';

const brief = (page: Page) => page.getByRole('complementary', { name: 'Question brief' });

async function startEcommerce(page: Page) {
  await openGallery(page);
  await gallery(page).getByRole('searchbox', { name: 'Search questions' }).fill('commerce');
  await gallery(page).getByRole('button', { name: 'Start from template' }).click();
  await expect.poll(() => node(page, 'Inventory Service').count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => brief(page).count()).toBe(1);
}

describe('side panels', () => {
  it.each([
    [1280, 720],
    [1920, 1080],
  ])('never cover the diagram at %i×%i: fit view fits the part of the canvas left', async (width, height) => {
    const context = await newContext({ width, height });
    const { page } = await openApp({ context });
    await startEcommerce(page);
    await page.getByLabel('Diagram canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+1');
    const panel = await box(brief(page));
    const area = await box(canvas(page));
    expect(area.x + area.width).toBeLessThanOrEqual(panel.x + 1);
    const nodes = page.locator('.react-flow__node');
    await expect
      .poll(async () => {
        const boxes = await Promise.all((await nodes.all()).map((n) => n.boundingBox()));
        return boxes.filter((b) => b && (overlap(b, panel) || b.x < area.x - 1 || b.x + b.width > area.x + area.width + 1)).length;
      })
      .toBe(0);
    await page.screenshot({ path: screenshotPath(`panels-${width}x${height}.png`) });
  });

  it('widens with the keyboard or a drag on its edge, and keeps its width through a reload', async () => {
    // Wide enough that the panel's cap (half the canvas) is not what stops it.
    const { page } = await openApp({ context: await newContext({ width: 1920, height: 1080 }) });
    await startEcommerce(page);
    const edge = page.getByRole('separator', { name: 'Resize the side panel' });
    const before = (await box(brief(page))).width;
    await edge.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Math.round((await box(brief(page))).width - before)).toBe(40);
    const e = await box(edge);
    await page.mouse.move(e.x + e.width / 2, e.y + 200);
    await page.mouse.down();
    await page.mouse.move(e.x + e.width / 2 - 60, e.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await box(brief(page))).width - before)).toBe(100);
    expect(await edge.getAttribute('aria-valuenow')).toBe(String(420 + 100));
    await page.reload();
    await expect.poll(() => brief(page).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => Math.round((await box(brief(page))).width - before)).toBe(100);
  });
});
