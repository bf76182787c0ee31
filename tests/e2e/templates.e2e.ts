import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages, node } from '../helpers/canvas';
import { openApp, screenshotPath } from '../helpers/e2e';
import { addQuestionFile, gallery, openGallery } from '../helpers/gallery';

const brief = (page: Page) => page.getByRole('complementary', { name: 'Question brief' });

describe('the question bank', () => {
  it('filters the gallery, starts from the e-commerce question, keeps time and runs a drill with and without its fix', async () => {
    const { page } = await openApp();
    await openGallery(page);
    const list = gallery(page).getByRole('list', { name: 'Questions' }).getByRole('listitem');
    await gallery(page).getByRole('combobox', { name: 'Category' }).selectOption('High-scale web services');
    const inCategory = await list.count();
    await gallery(page).getByRole('searchbox', { name: 'Search questions' }).fill('commerce');
    await expect.poll(() => list.count()).toBe(1);
    expect(inCategory).toBeGreaterThan(1);
    await expect.poll(() => list.first().textContent()).toContain('Design an e-commerce platform');
    const preview = gallery(page).getByRole('region', { name: 'Preview of Design an e-commerce platform' });
    await expect.poll(() => preview.getByRole('img', { name: /as Mermaid draws it$/ }).count(), { timeout: 15_000 }).toBe(1);
    // Drawn, not a broken image: the SVG Mermaid made is well-formed enough for the browser.
    await expect.poll(() => preview.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
    await page.screenshot({ path: screenshotPath('gallery.png') });
    // Every diagram of a question can be previewed.
    await gallery(page).getByRole('searchbox', { name: 'Search questions' }).fill('payment processing');
    await gallery(page).getByRole('combobox', { name: 'Category' }).selectOption('');
    await list.getByRole('button', { name: /^Design a distributed payment processing system\s*Distributed data systems/ }).click();
    const payments = gallery(page).getByRole('region', { name: /^Preview of Design a distributed payment processing system/ });
    await payments
      .getByRole('group', { name: 'Diagrams' })
      .getByRole('button', { name: /^2\. Distributed transaction flow/ })
      .click();
    await expect
      .poll(
        () => payments.getByRole('img', { name: /^Distributed transaction flow/ }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100),
        { timeout: 15_000 },
      )
      .toBe(true);
    await gallery(page).getByRole('searchbox', { name: 'Search questions' }).fill('commerce');

    await preview.getByRole('button', { name: 'Start from template' }).click();
    await expect.poll(() => gallery(page).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => node(page, 'Inventory Service').count()).toBe(1);
    await expect.poll(() => brief(page).getByRole('heading', { name: 'Design an e-commerce platform' }).count()).toBe(1);
    // The heading is the diagram's name at once; the statement comes with the question.
    await expect.poll(() => brief(page).getByText('buyer checkout funnel').count()).toBeGreaterThan(0);
    // What the template changed so the drawing runs is there to read.
    await brief(page).getByText('How this diagram runs').click();
    expect(await brief(page).getByText('PSP runs as an External API').count()).toBe(1);

    // The interview clock counts down the first phase.
    const timer = brief(page).getByRole('region', { name: 'Interview timer' });
    expect(await timer.getByRole('timer').textContent()).toBe('5:00');
    await timer.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(() => timer.getByRole('timer').textContent(), { timeout: 5_000 }).toMatch(/^4:5\d$/);
    await timer.getByRole('button', { name: 'Pause timer' }).click();
    const paused = await timer.getByRole('timer').textContent();
    await page.waitForTimeout(1_200);
    expect(await timer.getByRole('timer').textContent()).toBe(paused);
    expect(await timer.getByRole('list', { name: 'Interview phases' }).textContent()).toBe(
      'Introduction 5 minRequirements 10 minHigh-level design 15 minDeep dive 25 minWrap-up 5 min',
    );

    // The thundering-herd drill: shown as drawn, and fixed by the breaker and fallback.
    const drill = brief(page).getByRole('article', { name: 'The availability cache is flushed: a thundering herd on Inventory' });
    await drill.getByRole('button', { name: 'Run drill' }).click();
    await expect.poll(() => drill.getByRole('list', { name: 'As drawn: shown' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await drill.getByRole('list', { name: 'As drawn: shown' }).getByRole('listitem').count()).toBe(2);
    await expect.poll(() => page.getByRole('region', { name: 'Simulation' }).getByRole('group', { name: 'Replay' }).count()).toBe(1);
    await drill.getByRole('button', { name: 'Run with the fix' }).click();
    await expect.poll(() => drill.getByRole('list', { name: 'With the fix: shown' }).count(), { timeout: 30_000 }).toBe(1);
    // The answer first, then each variant under its own heading.
    expect(await drill.getByRole('status', { name: 'Drill verdict' }).textContent()).toBe(' The drill shows it, and the fix cures it.');
    expect(await drill.getByRole('region', { name: 'As drawn' }).getByRole('heading').textContent()).toBe('As drawn: shown (2 of 2 outcomes)');
    expect(await drill.getByRole('region', { name: 'With the fix' }).getByRole('heading').textContent()).toMatch(/^With the fix: shown \(\d of \d outcomes\)$/);
    await drill.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('brief-drill.png') });

    // Applying the fix changes the diagram itself, as one undo step.
    await drill.getByRole('button', { name: 'Apply the fix' }).click();
    await expect.poll(() => messages(page).textContent()).toContain('Applied: Circuit breaker and a fallback in front of Inventory');
    await page.keyboard.press('Control+z');
    await expect.poll(() => messages(page).textContent()).toContain('Undid: Apply fix: Circuit breaker and a fallback in front of Inventory');

    // The diagram remembers its question across a reload.
    await page.reload();
    await expect.poll(() => brief(page).getByRole('heading', { name: 'Design an e-commerce platform' }).count(), { timeout: 10_000 }).toBe(1);
  });

  it('adds a question from the person’s own Markdown file, and refuses a broken one with its line', async () => {
    const { page } = await openApp();
    await openGallery(page);
    await addQuestionFile(page, join(process.cwd(), 'tests/fixtures/templates/minimal.md'));
    await expect.poll(() => messages(page).textContent()).toContain('Added “A minimal question” to your questions');
    const list = gallery(page).getByRole('list', { name: 'Questions' });
    await expect.poll(() => list.getByRole('button', { name: /A minimal question/ }).textContent()).toContain('yours');

    // The same file again: asked, not overwritten; "Keep both" keeps both.
    await addQuestionFile(page, join(process.cwd(), 'tests/fixtures/templates/minimal.md'));
    const ask = page.getByRole('dialog', { name: 'You already have a question with the id “minimal”' });
    await expect.poll(() => ask.getByRole('button', { name: 'Keep both' }).count()).toBe(1);
    expect(await ask.textContent()).toContain('the new one as “minimal-2”');
    await ask.getByRole('button', { name: 'Keep both' }).click();
    await expect.poll(() => list.getByRole('button', { name: /A minimal question/ }).count()).toBe(2);
    expect(await ask.count()).toBe(0);

    await addQuestionFile(page, join(process.cwd(), 'tests/fixtures/templates/broken.md'));
    await expect
      .poll(() => messages(page).textContent())
      .toMatch(/broken\.md is not a question file: Line 4: "difficulty" must be one of Medium, Hard, Expert/);

    // It is kept: after a reload it is still in the gallery, and it starts like any other.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: /^New from an interview question/ }).click();
    await list
      .getByRole('button', { name: /A minimal question/ })
      .first()
      .click();
    await gallery(page).getByRole('button', { name: 'Start from template' }).click();
    await expect.poll(() => node(page, 'Nightly batch').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => brief(page).getByRole('article', { name: 'The database hangs' }).count()).toBe(1);
  });
});
