import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { box, edge, messages, node, runMenu } from '../helpers/canvas';
import { openApp, screenshotPath } from '../helpers/e2e';
import { dock, importCheckout, injectFault, player, runAndWait } from '../helpers/replay';

const timeShown = (page: Page) => player(page).getByRole('status', { name: 'Time' });
const badges = (n: Locator) => n.locator('.fl-badge').allTextContents();
const health = (n: Locator) => n.locator('.fl-node').getAttribute('data-health');

/** Moves the playhead as a person does: a click on the slider's track at that time. */
async function scrubTo(page: Page, seconds: number, duration = 60) {
  const slider = player(page).getByRole('slider', { name: 'Playhead' });
  const b = await box(slider);
  const thumb = 8; // half of Chromium's range thumb
  await page.mouse.click(b.x + thumb + ((b.width - 2 * thumb) * seconds) / duration, b.y + b.height / 2);
  const shown = Number(await slider.inputValue()) / 1000;
  expect(Math.abs(shown - seconds)).toBeLessThan(0.6);
}

describe('failure playback', () => {
  it('plays a database hang: down at 20 s with its callers failing, healthy at 50 s, told in order, compared, and replayed after a reload', async () => {
    const { page } = await openApp({ path: '/?debug' });
    await importCheckout(page);

    // Break it: the database hangs from 10 s to 30 s.
    await injectFault(page, node(page, 'Orders DB'), 'Hang', 'Orders DB');
    const bar = dock(page).getByRole('button', { name: 'Hang on Orders DB, 10.0 s to 30.0 s' });
    await expect.poll(() => bar.count()).toBe(1);

    await runAndWait(page);
    // The story starts with the fault.
    const story = dock(page).getByRole('list', { name: 'Incident timeline' }).getByRole('listitem');
    await expect.poll(() => story.first().textContent()).toMatch(/^10\.0 sOrders DB hangs \(injected\)/);
    expect(await story.count()).toBeGreaterThan(3);

    await scrubTo(page, 20);
    await expect.poll(() => health(node(page, 'Orders DB'))).toBe('down');
    expect(await badges(node(page, 'Orders DB'))).toEqual(expect.arrayContaining(['Down', 'Fault: Orders DB hangs. Hang']));
    await expect.poll(() => health(node(page, 'Checkout API'))).toBe('failing');
    expect(await badges(node(page, 'Checkout API'))).toContain('Failing');
    expect(await health(node(page, 'Users'))).toBe('failing');
    await page.screenshot({ path: screenshotPath('replay-20s.png') });

    await scrubTo(page, 50);
    await expect.poll(() => health(node(page, 'Orders DB'))).toBe('healthy');
    expect(await health(node(page, 'Checkout API'))).toBe('healthy');
    expect(await health(node(page, 'Users'))).toBe('healthy');
    expect(await badges(node(page, 'Orders DB'))).not.toContain('Down');
    await page.screenshot({ path: screenshotPath('replay-50s.png') });

    // The keyboard: Home, then the next event is the fault; Space plays and pauses.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => timeShown(page).textContent()).toMatch(/^10\.0 s/);
    await page.keyboard.press('Space');
    await expect.poll(() => player(page).getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
    await expect.poll(async () => Number(await player(page).getByRole('slider', { name: 'Playhead' }).inputValue())).toBeGreaterThan(10_500);
    await page.keyboard.press('Space');
    await expect.poll(() => player(page).getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);

    // A story entry moves the playhead and selects its part.
    await story.first().getByRole('button').click();
    await expect.poll(() => timeShown(page).textContent()).toMatch(/^10\.0 s/);
    await expect.poll(() => page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { level: 2 }).textContent()).toBe('Orders DB');
    // With a node focused, the arrows still move the playhead, and the node stays put.
    await node(page, 'Checkout API').click();
    const where = await box(node(page, 'Checkout API'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => timeShown(page).textContent()).toMatch(/^11\.0 s/);
    expect((await box(node(page, 'Checkout API'))).x).toBe(where.x);

    // Same hang with a circuit breaker in front of the database, then compare the two runs.
    await edge(page, 'Checkout API', 'Orders DB').click({ force: true });
    await page.getByRole('complementary', { name: 'Inspector' }).getByRole('checkbox', { name: 'Circuit breaker' }).check();
    await page.keyboard.press('Escape');
    await runAndWait(page);
    await dock(page).getByRole('tab', { name: 'Compare runs' }).click();
    const summary = dock(page).getByRole('list', { name: 'Difference' });
    // Runs go by what their scenario breaks, not by "Baseline".
    await expect
      .poll(() => summary.textContent())
      .toMatch(/Users: success \d+\.\d% in A \(Orders DB hangs 10–30 s\), \d+\.\d% in B \(Orders DB hangs 10–30 s\)/);
    await expect
      .poll(() =>
        dock(page)
          .getByRole('img', { name: /Users: success chart/ })
          .count(),
      )
      .toBe(1);

    // Reload: the first run replays from the library without simulating again.
    await page.reload();
    await expect.poll(() => node(page, 'Orders DB').count()).toBe(1);
    await dock(page).getByRole('tab', { name: 'Runs', exact: true }).click();
    const runs = dock(page).getByRole('list', { name: 'Recorded runs' }).getByRole('listitem');
    await expect.poll(() => runs.count()).toBe(2);
    // The first run gets a name of its own, which the list and the player then go by.
    await runs
      .last()
      .getByRole('button', { name: /^Rename/ })
      .click();
    await dock(page).getByRole('textbox', { name: 'Run name' }).fill('Before the breaker');
    await page.keyboard.press('Enter');
    await expect.poll(() => runs.last().textContent()).toMatch(/^Before the breaker, seed \d+/);
    await runs
      .last()
      .getByRole('button', { name: /^Replay/ })
      .click();
    await expect.poll(() => player(page).count()).toBe(1);
    await expect.poll(() => player(page).getByText('Before the breaker').count()).toBe(1);
    await scrubTo(page, 20);
    await expect.poll(() => health(node(page, 'Orders DB'))).toBe('down');
    expect(
      await page.evaluate(
        () => (window as unknown as { faultline: { playback: { getState(): { simulations: number } } } }).faultline.playback.getState().simulations,
      ),
    ).toBe(0);
  });

  it('edits a scenario on its lanes: drag, resize and keys move a fault, one undo step each', async () => {
    const { page } = await openApp();
    await importCheckout(page);
    await injectFault(page, node(page, 'Checkout API'), 'Slow down', 'Checkout API');
    const bar = () => dock(page).getByRole('button', { name: /^Slow down on Checkout API/ });
    await expect.poll(async () => bar().getAttribute('aria-label')).toBe('Slow down on Checkout API, 10.0 s to 30.0 s');
    // Its parameters are in the inspector, with units.
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.getByRole('textbox', { name: 'Added latency' }).inputValue()).toBe('500');

    // Drag the bar right by about 10 s of a 60 s axis.
    const track = await box(bar().locator('..'));
    const b = await box(bar());
    const y = b.y + b.height / 2;
    const from = b.x + b.width / 2;
    await page.mouse.move(from, y);
    await page.mouse.down();
    await page.mouse.move(from + track.width / 12, y, { steps: 8 });
    await page.mouse.move(from + track.width / 6, y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => bar().getAttribute('aria-label')).toMatch(/^Slow down on Checkout API, 2\d\.\d s to 4\d\.\d s$/);
    // Resize: drag the right end back by about 5 s.
    const moved = await box(bar());
    await page.mouse.move(moved.x + moved.width - 3, y);
    await page.mouse.down();
    await page.mouse.move(moved.x + moved.width - 3 - track.width / 12, y, { steps: 8 });
    await page.mouse.up();
    const resized = (await bar().getAttribute('aria-label'))!;
    const [start, end] = [...resized.matchAll(/(\d+\.\d) s/g)].map((m) => Number(m[1]));
    expect(end - start).toBeGreaterThan(13);
    expect(end - start).toBeLessThan(17);
    // Keys: a second later.
    await bar().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => bar().getAttribute('aria-label')).toBe(`Slow down on Checkout API, ${(start + 1).toFixed(1)} s to ${(end + 1).toFixed(1)} s`);
    // Three undo steps take it back to where it was injected.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    await expect.poll(async () => bar().getAttribute('aria-label')).toBe('Slow down on Checkout API, 10.0 s to 30.0 s');
    await page.screenshot({ path: screenshotPath('fault-lanes.png') });
  });

  it('injects a fault from the keyboard, sets traffic per scenario, charts the selection, and cancels a long run', async () => {
    const { page } = await openApp();
    await importCheckout(page);
    await node(page, 'Checkout API').click();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Inject fault on Checkout API' });
    await expect
      .poll(() =>
        menu
          .getByRole('menuitem')
          .first()
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => dock(page).getByRole('button', { name: 'Errors on Checkout API, 10.0 s to 30.0 s' }).count()).toBe(1);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.getByRole('textbox', { name: 'Error rate' }).inputValue()).toBe('50');

    // Twice the traffic in this scenario, the client's own setting untouched.
    await node(page, 'Users').click();
    const traffic = inspector.getByRole('region', { name: 'Traffic in this scenario' });
    await traffic.getByRole('textbox', { name: 'Request rate' }).fill('200');
    await traffic.getByRole('textbox', { name: 'Request rate' }).press('Enter');
    await expect.poll(() => traffic.getByRole('button', { name: 'Reset Request rate to default' }).count()).toBe(1);

    await runAndWait(page);
    await node(page, 'Checkout API').click();
    await dock(page).getByRole('tab', { name: 'Charts' }).click();
    const charts = dock(page).getByRole('region', { name: 'Charts of Checkout API' });
    await expect.poll(() => charts.getByRole('img').count()).toBe(4);
    expect(await charts.getByRole('img', { name: /^Failures by cause chart: error/ }).count()).toBe(1);
    // Users sent about 200 requests a second: the chart's axis reaches that far.
    await scrubTo(page, 20);
    await page.screenshot({ path: screenshotPath('charts.png') });

    // A day-long run can be stopped.
    await dock(page).getByRole('tab', { name: 'Faults' }).click();
    const duration = dock(page).getByRole('textbox', { name: 'Duration' });
    await duration.fill('86400');
    await duration.press('Enter');
    await dock(page).getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => dock(page).getByRole('progressbar', { name: 'Simulation progress' }).count()).toBe(1);
    await dock(page).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => messages(page).textContent()).toContain('Run cancelled');
    expect(await dock(page).getByRole('progressbar').count()).toBe(0);
    await expect.poll(() => dock(page).getByRole('button', { name: 'Run', exact: true }).count()).toBe(1);
  });

  it('steps through a request flow from a sequence diagram, message by message', async () => {
    const { page } = await openApp();
    await runMenu(page, 'File', 'Import Mermaid');
    const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
    await dialog
      .getByRole('textbox', { name: 'Mermaid text' })
      .fill(
        'sequenceDiagram\n  participant U as User\n  participant A as Orders API\n  participant D as Orders DB\n  U->>A: POST /orders\n  A->>D: INSERT order\n  D-->>A: ok\n  A-->>U: 201 Created',
      );
    await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).textContent()).toContain('Will create 3 nodes');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => node(page, 'Orders DB').count()).toBe(1);

    await dock(page).getByRole('tab', { name: 'Request flows' }).click();
    const steps = dock(page).getByRole('list', { name: 'Messages' }).getByRole('listitem');
    await expect.poll(() => steps.count()).toBe(4);
    const current = dock(page).getByRole('list', { name: 'Messages' }).locator('[aria-current="step"]');
    await expect.poll(() => current.textContent()).toBe('User → Orders APIPOST /orders');
    await dock(page).getByRole('button', { name: 'Next message' }).click();
    await expect.poll(() => current.textContent()).toBe('Orders API → Orders DBINSERT order');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('request-flow.png') });
    await dock(page).getByRole('button', { name: 'Play flow' }).click();
    await expect.poll(() => current.textContent(), { timeout: 10_000 }).toBe('Orders API → User201 Created');
    await expect.poll(() => dock(page).getByRole('button', { name: 'Play flow' }).count(), { timeout: 5_000 }).toBe(1);
  });
});
