// Studies as a person runs them from the simulation panel: a scenario replicated over ten seeds
// (progress, the intervals, the band over the run's chart), a drill checked over ten seeds (k of
// N per outcome), a load sweep with its knee and a hysteresis climb with its verdict.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { node } from '../helpers/canvas';
import { openApp, screenshotPath } from '../helpers/e2e';
import { gallery, openGallery } from '../helpers/gallery';
import { dock, importCheckout, injectFault, runAndWait } from '../helpers/replay';

const studies = (page: Page) => dock(page).getByRole('form', { name: 'New study' });

async function openStudies(page: Page) {
  await dock(page).getByRole('tab', { name: 'Studies' }).click();
  await studies(page).waitFor();
}

async function start(page: Page, kind: string, fields: Record<string, string> = {}) {
  await studies(page).getByRole('combobox', { name: 'Study' }).selectOption(kind);
  for (const [label, value] of Object.entries(fields)) await studies(page).getByRole('spinbutton', { name: label }).fill(value);
  await studies(page).getByRole('button', { name: 'Start study' }).click();
}

describe('studies', () => {
  it('replicates a broken run over 10 seeds with progress, every figure with its interval, and the band on the chart', async () => {
    const { page } = await openApp();
    await importCheckout(page);
    await injectFault(page, node(page, 'Orders DB'), 'Hang', 'Orders DB');
    await runAndWait(page);
    await openStudies(page);
    await start(page, 'Replicate over seeds', { Seeds: '10' });
    // Progress shows while the seeds run, in workers.
    await expect.poll(() => dock(page).getByRole('progressbar', { name: 'Study progress' }).count()).toBe(1);
    const table = dock(page).getByRole('table', { name: 'Clients over the seeds' });
    await expect.poll(() => table.count(), { timeout: 60_000 }).toBe(1);
    const row = await table
      .getByRole('row', { name: /^Users/ })
      .getByRole('cell')
      .allTextContents();
    // Success, mean, p50, p99 and failed, each a mean ± its half interval.
    for (const cell of row) expect(cell).toMatch(/ ± /);
    expect(await dock(page).getByRole('progressbar', { name: 'Study progress' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('studies-replication.png') });
    // The run's own charts now carry the band of the ten seeds.
    await dock(page).getByRole('tab', { name: 'Charts' }).click();
    await expect
      .poll(() =>
        dock(page)
          .getByRole('img', { name: /^Success chart: success %, low of 10 seeds, high of 10 seeds/ })
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: screenshotPath('studies-band.png') });
  });

  it('sweeps the load to the knee and climbs past it and back', async () => {
    const { page } = await openApp();
    await importCheckout(page);
    await openStudies(page);
    await start(page, 'Load sweep', { 'From (req/s)': '500', 'To (req/s)': '9000', Steps: '4', 'Seeds per step': '2' });
    const knee = dock(page).getByRole('status', { name: 'Knee' });
    await expect.poll(() => knee.count(), { timeout: 90_000 }).toBe(1);
    expect(await knee.textContent()).toMatch(
      /^Knee between [\d,]+ and [\d,]+ req\/s \(about [\d,]+ by straight line\): past it, p99 over 3× its value at the lightest load, or success under 99%\.$/,
    );
    expect(
      await dock(page)
        .getByRole('img', { name: /^Success chart: success % against Users load \(req\/s\); knee between [\d,]+ and [\d,]+ req\/s$/ })
        .count(),
    ).toBe(1);
    await page.screenshot({ path: screenshotPath('studies-load-sweep.png') });

    await start(page, 'Hysteresis: up past the knee and back', {
      'Base load (req/s)': '500',
      'Peak load (req/s)': '9000',
      'Steps up': '2',
      'Hold each (s)': '4',
    });
    const verdict = dock(page).getByRole('status', { name: 'Hysteresis verdict' });
    await expect.poll(() => verdict.count(), { timeout: 90_000 }).toBe(1);
    expect(await verdict.textContent()).toMatch(/^(Recovers|Stays collapsed): back at 500 req\/s/);
    expect(
      await dock(page)
        .getByRole('img', { name: /^Success chart: on the way up, on the way down against load/ })
        .count(),
    ).toBe(1);
    await page.screenshot({ path: screenshotPath('studies-hysteresis.png') });
    // Both are kept with the diagram.
    expect(await dock(page).getByRole('list', { name: 'Kept studies' }).getByRole('listitem').count()).toBe(2);
  });

  it('checks a drill over 10 seeds: in how many each outcome held', async () => {
    const { page } = await openApp();
    await openGallery(page);
    await gallery(page).getByRole('searchbox', { name: 'Search questions' }).fill('payment processing system for a fintech');
    await gallery(page).getByRole('button', { name: 'Start from template' }).click();
    const brief = page.getByRole('complementary', { name: 'Question brief' });
    const drill = brief.getByRole('article').first();
    await drill.getByRole('button', { name: 'Check over 10 seeds' }).click();
    const asDrawn = drill.getByRole('region', { name: 'As drawn over seeds' });
    await expect.poll(() => asDrawn.count(), { timeout: 120_000 }).toBe(1);
    const lines = await asDrawn.getByRole('listitem').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/: held in \d+ of 10$/);
    await drill.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('studies-drill.png') });
  }, 180_000);
});
