// Interviewer mode in Chromium with an injected clock: a compressed interview, replayed, scored,
// reported, reloaded; and none of it in what the candidate can get.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment } from '../../src/files/shareLink';
import { dragFromPalette, node, rename, runMenu, serviceAndDatabase } from '../helpers/canvas';
import { clipboardText, newContext, openApp, screenshotPath } from '../helpers/e2e';

const T0 = new Date('2026-12-03T10:00:00Z').getTime();
const MIN = 60_000;

const panel = (page: Page) => page.getByRole('complementary', { name: 'Interviewer' });

async function score(page: Page, criterion: string, level: string) {
  await panel(page)
    .getByRole('group', { name: new RegExp(`^${criterion.replace(/[&()]/g, '.')}`) })
    .getByLabel(level)
    .check();
}

describe('interviewer mode', () => {
  it('records a compressed interview, replays an early minute, scores it, reports it and keeps it through a reload', async () => {
    const context = await newContext();
    await context.clock.setFixedTime(T0);
    const { page } = await openApp({ context });
    await serviceAndDatabase(page);
    await runMenu(page, 'Interview', 'Scorecard and session');
    await panel(page).getByRole('button', { name: 'Start the interview clock' }).click();
    await expect.poll(() => panel(page).getByRole('slider', { name: 'Session moment' }).count()).toBe(1);

    await context.clock.setFixedTime(T0 + 3 * MIN);
    await rename(page, 'Service', 'Checkout');
    await context.clock.setFixedTime(T0 + 12 * MIN);
    await dragFromPalette(page, 'Cache', { x: 450, y: 480 });
    await node(page, 'Cache').click();
    await context.clock.setFixedTime(T0 + 14 * MIN + 5_000);
    await panel(page).getByRole('textbox', { name: 'Evidence note' }).fill('No story for cache invalidation');
    await panel(page).getByRole('button', { name: 'Add gap' }).click();
    await context.clock.setFixedTime(T0 + 20 * MIN);
    await panel(page).getByRole('textbox', { name: 'Evidence note' }).fill('Asked for the read/write ratio first');
    await panel(page).getByRole('button', { name: 'Add highlight' }).click();
    await panel(page).getByRole('textbox', { name: 'Evidence note' }).fill('Wants to shard by user id');
    await panel(page).getByRole('button', { name: 'Add note' }).click();
    await panel(page).getByRole('textbox', { name: 'Candidate' }).fill('Ada');

    await score(page, 'Technical Architecture', '4 Excellent');
    await score(page, 'Scalability & Performance', '3 Good');
    await score(page, 'Distributed Systems Knowledge', '3 Good');
    await score(page, 'Production Readiness', '2 Needs Improvement');
    await expect.poll(() => panel(page).getByRole('status', { name: 'Weighted score' }).textContent()).toBe('3.17 / 4 · Hire (4 of 5 scored)');
    await score(page, 'Communication & Leadership', '3 Good');
    await expect.poll(() => panel(page).getByRole('status', { name: 'Weighted score' }).textContent()).toBe('3.15 / 4 · Hire');

    // Back to minute 1: the design before the rename and before the cache.
    await panel(page).getByRole('slider', { name: 'Session moment' }).fill(String(MIN));
    await expect.poll(() => panel(page).getByRole('status', { name: 'Session time' }).textContent()).toBe('Showing 1:00 · Introduction');
    await expect.poll(() => node(page, 'Service').count()).toBe(1);
    expect(await node(page, 'Checkout').count()).toBe(0);
    expect(await node(page, 'Cache').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('interview-replay.png') });
    // The gap's time jumps there: the cache is on the canvas again.
    await panel(page).getByRole('list', { name: 'Evidence notes' }).getByRole('button', { name: '14:05' }).click();
    await expect.poll(() => node(page, 'Cache').count()).toBe(1);
    await panel(page).getByRole('button', { name: 'Back to now' }).click();
    await expect.poll(() => node(page, 'Checkout').count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), runMenu(page, 'Interview', 'Export feedback report')]);
    const reportFile = screenshotPath('feedback.md');
    await download.saveAs(reportFile);
    const report = readFileSync(reportFile, 'utf8');
    expect(download.suggestedFilename()).toBe('Feedback-Ada.md');
    for (const line of [
      '**Candidate:** Ada',
      '**Date:** 2026-12-03',
      '- Technical Architecture (30%): 4 / 4 (Excellent)',
      '- **Weighted Score:** 3.15 / 4.0',
      '- [x] Hire (from 2.8)',
      '- 14:05 No story for cache invalidation (on Cache)',
      '- 20:00 Asked for the read/write ratio first',
      '### Notes during the interview',
    ])
      expect(report).toContain(line);

    // The printable page: the same report, a picture of the final design, and on paper nothing else.
    await runMenu(page, 'Interview', 'Print feedback report (PDF)');
    const printable = page.getByRole('dialog', { name: 'Printable feedback report' });
    await expect.poll(() => printable.textContent()).toContain('Weighted Score: 3.15 / 4.0');
    expect(await printable.getByRole('heading', { name: 'Technical Highlights' }).count()).toBe(1);
    expect(await printable.textContent()).toContain('14:05 No story for cache invalidation (on Cache)');
    // The recommendation's box is the answer: ticked on Hire alone.
    expect(await printable.textContent()).toContain('☒ Hire (from 2.8)');
    expect(await printable.textContent()).toContain('☐ Strong Hire (from 3.5)');
    const picture = printable.getByRole('img', { name: 'The final design' });
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(400);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main menu' }).isVisible()).toBe(false);
    expect(await printable.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('interview-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await expect.poll(() => printable.count()).toBe(0);

    // A reload keeps the clock, the session and the scorecard.
    await context.clock.setFixedTime(T0 + 25 * MIN);
    await page.reload();
    await expect.poll(() => node(page, 'Checkout').count()).toBe(1);
    await runMenu(page, 'Interview', 'Scorecard and session');
    await expect.poll(() => panel(page).getByRole('status', { name: 'Weighted score' }).textContent()).toBe('3.15 / 4 · Hire');
    expect(await panel(page).getByRole('list', { name: 'Evidence notes' }).getByRole('listitem').count()).toBe(3);
    await expect.poll(() => panel(page).getByRole('status', { name: 'Session time' }).textContent()).toMatch(/^Now 25:00/);
    await panel(page)
      .getByRole('slider', { name: 'Session moment' })
      .fill(String(2 * MIN));
    await expect.poll(() => node(page, 'Service').count()).toBe(1);
    await panel(page).getByRole('button', { name: 'Back to now' }).click();

    // What the candidate can be given carries none of it.
    await runMenu(page, 'File', 'Copy share link');
    const ours = (t: string) => t.includes('#share=') && JSON.stringify(decodeShareFragment(t.slice(t.indexOf('#') + 1)).diagram).includes('Checkout');
    const link = await clipboardText(page, ours);
    const shared = JSON.stringify(decodeShareFragment(link.slice(link.indexOf('#') + 1)).diagram);
    const [file] = await Promise.all([page.waitForEvent('download'), runMenu(page, 'File', 'Export file')]);
    const exportedFile = screenshotPath('interview-exported.faultline.json');
    await file.saveAs(exportedFile);
    const exported = readFileSync(exportedFile, 'utf8');
    for (const text of [shared, exported]) {
      expect(text).toContain('Checkout');
      for (const secret of ['cache invalidation', 'read/write ratio', 'Ada', 'Technical Architecture']) expect(text).not.toContain(secret);
    }
  });

  it('gives the interviewer the question’s deep dives, each folded until revealed', async () => {
    const { page } = await openApp();
    await page.getByRole('region', { name: 'Getting started' }).getByRole('button', { name: 'Start from an interview question' }).click();
    const gallery = page.getByRole('dialog', { name: 'Question gallery' });
    await gallery.getByRole('searchbox', { name: 'Search questions' }).fill('social media feed (interviewer');
    await gallery
      .getByRole('list', { name: 'Questions' })
      .getByRole('button', { name: /^Design a global social media feed \(interviewer/ })
      .click();
    await gallery.getByRole('button', { name: 'Start from template' }).click();
    // The candidate's brief states the problem and keeps the deep dives out of it.
    const brief = page.getByRole('complementary', { name: 'Question brief' });
    await expect.poll(() => brief.textContent()).toContain('Problem statement');
    expect(await brief.textContent()).not.toContain('Feed generation strategies (10 minutes)');
    await runMenu(page, 'Interview', 'Scorecard and session');
    const prompts = panel(page).getByRole('region', { name: 'Deep dives and follow-ups' });
    await expect.poll(() => prompts.getByRole('button', { name: /^Reveal prompt/ }).count()).toBeGreaterThan(2);
    expect(await prompts.textContent()).not.toContain('Feed generation strategies');
    await prompts.getByRole('button', { name: 'Reveal prompt 2' }).click();
    await expect.poll(() => prompts.textContent()).toContain('Feed generation strategies (10 minutes)');
    expect(await prompts.textContent()).not.toContain('Data sharding strategy');
  });

  it('has the interview guide in the gallery: its parts folded, its framework diagrams to open', async () => {
    const { page } = await openApp();
    await runMenu(page, 'File', 'New from an interview question');
    const gallery = page.getByRole('dialog', { name: 'Question gallery' });
    await gallery.getByRole('combobox', { name: 'Category' }).selectOption('Interview guide');
    await expect.poll(() => gallery.getByRole('list', { name: 'Questions' }).getByRole('listitem').count()).toBe(1);
    const preview = gallery.getByRole('region', { name: /^Preview of The interview guide/ });
    await preview.getByText('Red flags', { exact: true }).click();
    await expect.poll(() => preview.textContent()).toContain('Jumps to solution');
    await preview.getByRole('button', { name: '2. Trade-off analysis framework' }).click();
    await expect.poll(() => preview.getByRole('img', { name: /^Trade-off analysis framework, as Mermaid draws it$/ }).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: screenshotPath('interview-guide.png') });
    await preview.getByRole('button', { name: 'Start from diagram 2' }).click();
    await expect.poll(() => node(page, 'Strong Consistency vs High Availability').count()).toBe(1);
    const brief = page.getByRole('complementary', { name: 'Question brief' });
    await brief.getByText('Calibration guidelines', { exact: true }).click();
    await expect.poll(() => brief.textContent()).toContain('Expecting principal-level depth in all areas');
  });
});
