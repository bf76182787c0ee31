// The main screens checked with axe-core (WCAG 2.1 A and AA), in the light theme and the dark one
// the system may ask for: no serious or critical violation on any of them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { node, runMenu } from '../helpers/canvas';
import { openApp, screenshotPath } from '../helpers/e2e';
import { openGallery } from '../helpers/gallery';
import { importCheckout, injectFault, runAndWait } from '../helpers/replay';

type Scheme = 'light' | 'dark';

async function check(page: Page, screen: string, scheme: Scheme, found: Record<string, unknown[]>) {
  await page.screenshot({ path: screenshotPath(`a11y-${scheme}-${screen}.png`) });
  const problems = await seriousViolations(page);
  if (problems.length) found[`${scheme}: ${screen}`] = problems;
}

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (scheme) => {
  it('has no serious violation on the start screen, the gallery, a template with its brief, the library and the help sheet', async () => {
    const { page } = await openApp({ viewport: { width: 1440, height: 900 } });
    await page.emulateMedia({ colorScheme: scheme });
    const found: Record<string, unknown[]> = {};
    await check(page, 'start', scheme, found);
    await openGallery(page);
    await check(page, 'gallery', scheme, found);
    await page.getByRole('dialog', { name: 'Question gallery' }).getByRole('searchbox', { name: 'Search questions' }).fill('commerce');
    await page.getByRole('dialog', { name: 'Question gallery' }).getByRole('button', { name: 'Start from template' }).click();
    await expect.poll(() => node(page, 'Inventory Service').count(), { timeout: 15_000 }).toBe(1);
    await check(page, 'template', scheme, found);
    await node(page, 'Inventory Service').click();
    await page.keyboard.press('Shift+I');
    await check(page, 'selection', scheme, found);
    await runMenu(page, 'File', 'Open library');
    await expect.poll(() => page.getByRole('dialog', { name: 'Library' }).getByRole('list').count()).toBeGreaterThan(0);
    await check(page, 'library', scheme, found);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    await check(page, 'shortcuts', scheme, found);
    expect(found).toEqual({});
  });

  it('has no serious violation while a run replays, in the import dialog, the code panel and the interviewer’s panel', async () => {
    const { page } = await openApp({ viewport: { width: 1440, height: 900 } });
    await page.emulateMedia({ colorScheme: scheme });
    const found: Record<string, unknown[]> = {};
    await importCheckout(page);
    await injectFault(page, node(page, 'Orders DB'), 'Hang', 'Orders DB');
    await runAndWait(page);
    await check(page, 'replay', scheme, found);
    await page.keyboard.press('Shift+E');
    await expect.poll(() => page.getByRole('complementary', { name: 'Mermaid code' }).count()).toBe(1);
    await check(page, 'code', scheme, found);
    await page.keyboard.press('Shift+E');
    await runMenu(page, 'Interview', 'Scorecard and session');
    await check(page, 'interviewer', scheme, found);
    await runMenu(page, 'File', 'Import Mermaid');
    await expect.poll(() => page.getByRole('dialog', { name: /Import/ }).count()).toBe(1);
    await check(page, 'import', scheme, found);
    expect(found).toEqual({});
  });
});
