// Every diagram of the question bank, opened as a person opens it (the gallery, then the brief's
// list of the question's diagrams) at 1440×900 with the brief beside the canvas: fitted to the
// part of the canvas left, with labels drawn large enough to read. A screenshot of each is kept
// in test-results/ to look at.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshotPath } from '../helpers/e2e';
import { gallery, openGallery } from '../helpers/gallery';

/** Node labels must come out at least this big on screen (CSS pixels) at fit view. */
const MIN_LABEL_PX = 7;

interface Reading {
  name: string;
  screenshot?: string;
  nodes: number;
  zoom: number;
  /** The smallest label on screen, in CSS pixels. */
  labelPx: number;
  /** Nodes drawn (even partly) outside the canvas's visible part. */
  outside: string[];
}

/** Waits for the diagram named `name` to be open and fitted (the view stops moving), then reads it. */
async function readFitted(page: Page, name: string): Promise<Reading> {
  await expect.poll(() => page.locator('.fl-doc-name').textContent(), { timeout: 20_000 }).toBe(name);
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
        const settled = now === last && now !== 'none';
        last = now;
        return settled;
      },
      { timeout: 10_000, interval: 250 },
    )
    .toBe(true);
  return page.evaluate((diagramName) => {
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    const area = document.querySelector('.fl-canvas')!.getBoundingClientRect();
    const labels = [...document.querySelectorAll<HTMLElement>('.react-flow__node .fl-node-label')].filter((l) => l.offsetParent !== null);
    const outside: string[] = [];
    for (const n of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = n.getBoundingClientRect();
      if (r.left < area.left - 1 || r.top < area.top - 1 || r.right > area.right + 1 || r.bottom > area.bottom + 1)
        outside.push(n.getAttribute('aria-label') ?? '?');
    }
    return {
      name: diagramName,
      nodes: document.querySelectorAll('.react-flow__node').length,
      zoom: m.a,
      labelPx: Math.min(...labels.map((l) => parseFloat(getComputedStyle(l).fontSize) * m.a)),
      outside,
    };
  }, name);
}

describe('the question bank, readable', () => {
  it('fits every diagram of every question beside its brief at 1440×900, labels readable', async () => {
    const { page } = await openApp({ viewport: { width: 1440, height: 900 } });
    await openGallery(page);
    const items = gallery(page).getByRole('list', { name: 'Questions' }).getByRole('listitem');
    const count = await items.count();
    const readings: Reading[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0) {
        await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'File', exact: true }).click();
        await page.getByRole('menuitem', { name: /^New from an interview question/ }).click();
        await expect.poll(() => items.count()).toBe(count);
      }
      await items.nth(i).getByRole('button').first().click();
      const preview = gallery(page).getByRole('region', { name: /^Preview of / });
      const title = ((await preview.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
      const headings = await preview.getByRole('group', { name: 'Diagrams' }).getByRole('button').allTextContents();
      await preview.getByRole('button', { name: 'Start from template' }).click();
      const brief = page.getByRole('complementary', { name: 'Question brief' });
      for (let k = 1; k <= Math.max(1, headings.length); k++) {
        if (k > 1) {
          const summary = brief.getByText(/^Diagrams \(\d+\)$/);
          if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
          await brief
            .getByRole('button', { name: 'Open as a new diagram' })
            .nth(k - 1)
            .click();
        }
        const heading = headings[k - 1]?.replace(/^\d+\.\s*/, '');
        const reading = await readFitted(page, k === 1 ? title : `${title}: ${heading}`);
        reading.screenshot = `template-${String(readings.length + 1).padStart(2, '0')}.png`;
        readings.push(reading);
        await page.screenshot({ path: screenshotPath(reading.screenshot) });
      }
    }
    console.log(
      readings
        .map((r) => `${r.zoom.toFixed(2)}\t${r.labelPx.toFixed(1)} px\t${r.nodes} nodes\t${r.name}\t${r.screenshot}`)
        .sort()
        .join('\n'),
    );
    // All 41 of the bank's diagrams, and more that the templates add (authored architectures).
    expect(readings.length).toBeGreaterThanOrEqual(41);
    for (const r of readings) {
      expect(r.outside, `${r.name}: nodes outside the visible canvas`).toEqual([]);
      expect(r.labelPx, `${r.name}: labels at zoom ${r.zoom.toFixed(2)}`).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    }
  }, 400_000);
});
