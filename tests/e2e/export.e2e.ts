import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { box, canvas, connectNodes, dragFromPalette, node, rename, runMenu } from '../helpers/canvas';
import { openApp, screenshotPath } from '../helpers/e2e';

async function sketch(page: Page) {
  await dragFromPalette(page, 'Client', { x: 150, y: 250 });
  await dragFromPalette(page, 'Service', { x: 450, y: 250 });
  await dragFromPalette(page, 'Database', { x: 750, y: 250 });
  await connectNodes(page, 'Client', 'Service');
  await connectNodes(page, 'Service', 'Database');
}

/** How many pixels of a PNG differ clearly from the picture's background. */
function inkedPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 248) + Math.abs(data[i + 1] - 250) + Math.abs(data[i + 2] - 252) > 60) n++;
    return n;
  }, png.toString('base64'));
}

const codeText = (page: Page) => page.getByRole('complementary', { name: 'Mermaid code' }).getByLabel('Mermaid text').textContent();

describe('export', () => {
  it('shows live Mermaid, copies it, and importing the copy gives back the same diagram', async () => {
    const { page } = await openApp();
    await sketch(page);
    await runMenu(page, 'View', 'Show or hide Mermaid code');
    await expect.poll(() => codeText(page)).toMatch(/\["Service"\]/);
    await node(page, 'Service').dblclick();
    const input = canvas(page).getByRole('textbox', { name: 'Label' });
    await input.fill('Checkout "v2" | #1');
    await input.press('Enter');
    await expect.poll(() => codeText(page)).toContain('["Checkout #34;v2#34; #124; #35;1"]');
    const panel = page.getByRole('complementary', { name: 'Mermaid code' });
    const before = (await codeText(page))!;
    await panel.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(before);
    await runMenu(page, 'File', 'Import Mermaid');
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await dialog.getByRole('textbox', { name: 'Mermaid text' }).focus();
    await page.keyboard.press('Control+v');
    await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).textContent()).toContain('Will create 3 nodes, 2 connections');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => node(page, 'Checkout "v2" | #1').count()).toBe(1);
    // The imported diagram exports to exactly the same text.
    await expect.poll(() => codeText(page)).toBe(before);
  });

  it('draws the export with Mermaid itself, every node present', async () => {
    const { page } = await openApp();
    await sketch(page);
    await runMenu(page, 'View', 'Show or hide Mermaid code');
    const panel = page.getByRole('complementary', { name: 'Mermaid code' });
    await panel.getByRole('tab', { name: 'Rendered' }).click();
    const img = panel.getByRole('img', { name: 'The diagram as Mermaid draws it' });
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    const labels = await img.evaluate(async (i: HTMLImageElement) => {
      const svg = new DOMParser().parseFromString(await (await fetch(i.src)).text(), 'image/svg+xml');
      return { nodes: svg.querySelectorAll('g.node').length, text: svg.documentElement.textContent };
    });
    expect(labels.nodes).toBe(3);
    expect(labels.text).toContain('Client');
    expect(labels.text).toContain('Database');
    await page.screenshot({ path: screenshotPath('export-rendered.png') });
  });

  it('downloads a PNG of the whole diagram: non-empty, and the size that fits the content at 2x', async () => {
    const { page } = await openApp();
    await sketch(page);
    // Expected size: the nodes' extent on the canvas, in diagram units, plus 40 around, at 2x.
    const zoom = await canvas(page)
      .locator('.react-flow__viewport')
      .evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
    const boxes = await Promise.all(['Client', 'Service', 'Database'].map((n) => box(node(page, n))));
    const width = (Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x))) / zoom;
    const height = (Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y))) / zoom;
    await runMenu(page, 'File', 'Export picture');
    const dialog = page.getByRole('dialog', { name: 'Export picture' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('Untitled-diagram.png');
    const saved = screenshotPath('export.png');
    await download.saveAs(saved);
    const file = readFileSync(saved);
    expect(file.subarray(1, 4).toString()).toBe('PNG');
    const pngWidth = file.readUInt32BE(16);
    const pngHeight = file.readUInt32BE(20);
    expect(Math.abs(pngWidth - 2 * (width + 80))).toBeLessThanOrEqual(4);
    expect(Math.abs(pngHeight - 2 * (height + 80))).toBeLessThanOrEqual(4);
    // Not a blank page.
    const inked = await inkedPixels(page, file);
    expect(inked).toBeGreaterThan(2_000);
  });

  it('downloads an SVG of shapes and text that ImageMagick draws as the picture', async () => {
    const { page } = await openApp();
    await sketch(page);
    await node(page, 'Service').dblclick();
    const input = canvas(page).getByRole('textbox', { name: 'Label' });
    await input.fill('<b>Checkout</b> & "v2"');
    await input.press('Enter');
    await runMenu(page, 'File', 'Export picture');
    const dialog = page.getByRole('dialog', { name: 'Export picture' });
    await dialog.getByRole('radio', { name: 'SVG' }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('Untitled-diagram.svg');
    const saved = screenshotPath('export.svg');
    await download.saveAs(saved);
    const svg = readFileSync(saved, 'utf8');
    expect(svg).not.toContain('foreignObject');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        errors: doc.querySelectorAll('parsererror').length,
        bold: doc.querySelectorAll('b').length,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent?.replace('\u2060', '')),
      };
    }, svg);
    expect(parsed.errors).toBe(0);
    expect(parsed.bold).toBe(0);
    // The label wraps to two lines, as on the canvas, and stays text.
    expect(parsed.texts).toEqual(expect.arrayContaining(['Client', 'Database', '<b>Checkout</b>', '& "v2"']));
    // ImageMagick's own SVG renderer draws it: a picture, not a blank page.
    const png = screenshotPath('export-svg-imagemagick.png');
    execFileSync('convert', [saved, png]);
    expect(await inkedPixels(page, readFileSync(png))).toBeGreaterThan(2_000);
  });

  it.each([
    ['checkout.flowchart.mmd', 'Web app', 'Web shop'],
    ['booking.sequence.mmd', 'Booking API', 'Booking svc'],
    ['order.state.mmd', 'Being packed', 'Being wrapped'],
    ['platform.architecture.mmd', 'App server', 'App servers'],
  ])("keeps %s in its author's text: an edit changes one line, and Mermaid draws the same picture with the new name", async (file, from, to) => {
    const text = readFileSync(join(process.cwd(), 'tests/fixtures/mermaid/authored', file), 'utf8');
    const { page } = await openApp();
    await runMenu(page, 'File', 'Import Mermaid');
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill(text);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await runMenu(page, 'View', 'Show or hide Mermaid code');
    const panel = page.getByRole('complementary', { name: 'Mermaid code' });
    await expect.poll(() => codeText(page)).toBe(text);
    await expect.poll(() => panel.getByText('As its author wrote it').count()).toBe(1);
    const drawn = async (shot: string) => {
      await panel.getByRole('tab', { name: 'Rendered' }).click();
      const img = panel.getByRole('img', { name: 'The diagram as Mermaid draws it' });
      await expect
        .poll(
          async () =>
            ((await img.count()) > 0 && (await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0))) || (await panel.textContent()),
          {
            timeout: 20_000,
          },
        )
        .toBe(true);
      await img.screenshot({ path: screenshotPath(shot) });
      const picture = await img.evaluate(async (i: HTMLImageElement) => {
        const svg = new DOMParser().parseFromString(await (await fetch(i.src)).text(), 'image/svg+xml');
        const tags: Record<string, number> = {};
        for (const e of svg.querySelectorAll('*')) tags[e.tagName] = (tags[e.tagName] ?? 0) + 1;
        const texts = [...svg.querySelectorAll('text, span, p')]
          .filter((e) => e.children.length === 0)
          .map((e) => e.textContent?.trim() ?? '')
          .filter(Boolean)
          .sort();
        const fills = [...new Set([...svg.querySelectorAll('[style*="fill"], [fill]')].map((e) => e.getAttribute('fill') ?? ''))].sort();
        return { tags, texts, fills };
      });
      await panel.getByRole('tab', { name: 'Code' }).click();
      return picture;
    };
    const before = await drawn(`author-${file}-before.png`);
    await rename(page, from, to);
    await expect.poll(() => codeText(page)).toContain(to);
    const after = (await codeText(page))!;
    const oldLines = text.split('\n');
    const newLines = after.split('\n');
    expect(newLines.length).toBe(oldLines.length);
    expect(newLines.filter((l, i) => l !== oldLines[i])).toHaveLength(1);
    const picture = await drawn(`author-${file}-after.png`);
    // The same drawing: the same elements and colours, and the same words but the one renamed.
    expect(picture.tags).toEqual(before.tags);
    expect(picture.fills).toEqual(before.fills);
    expect(picture.texts).toEqual(before.texts.map((t) => (t === from ? to : t)).sort());
  });
});
