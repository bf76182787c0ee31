import { describe, expect, it } from 'vitest';
import {
  box,
  canvas,
  connectNodes,
  dragBetween,
  dragBy,
  dragFromPalette,
  edge,
  facingSide,
  handle,
  messages,
  node,
  overlap,
  runMenu,
  serviceAndDatabase,
} from '../helpers/canvas';
import { registerDefaultCommands } from '../../src/editor/commands';
import { CommandRegistry } from '../../src/editor/commands/registry';
import { openApp, screenshotPath } from '../helpers/e2e';

describe('architecture editor', () => {
  it('drags a service and a database from the palette, connects them, and undoes and redoes the edge', async () => {
    const { page } = await openApp();
    await expect.poll(() => page.getByRole('region', { name: 'Getting started' }).isVisible()).toBe(true);
    await dragFromPalette(page, 'Service', { x: 250, y: 300 });
    await dragFromPalette(page, 'Database', { x: 650, y: 300 });
    await expect.poll(() => node(page, 'Service').count()).toBe(1);
    await expect.poll(() => node(page, 'Database').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Getting started' }).count()).toBe(0);

    await connectNodes(page, 'Service', 'Database');
    await expect.poll(() => edge(page, 'Service', 'Database').count()).toBe(1);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => edge(page, 'Service', 'Database').count()).toBe(0);
    expect(await node(page, 'Database').count()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => edge(page, 'Service', 'Database').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('editor-connected.png') });
  });

  it('connects when the drag ends anywhere on the other node', async () => {
    const { page } = await openApp();
    await serviceAndDatabase(page);
    const onto = await box(node(page, 'Database'));
    const from = await box(handle(page, 'Service', facingSide(await box(node(page, 'Service')), onto)));
    // The far end of the body, well away from its incoming handle.
    await dragBetween(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: onto.x + onto.width - 12, y: onto.y + onto.height / 2 });
    await expect.poll(() => edge(page, 'Service', 'Database').count()).toBe(1);
  });

  it('labels a connection in place: double-click, type, Enter; one undo step', async () => {
    const { page } = await openApp();
    await serviceAndDatabase(page, true);
    await edge(page, 'Service', 'Database').dblclick({ force: true });
    const input = page.getByRole('textbox', { name: 'Connection label' });
    await input.fill('reads orders');
    await input.press('Enter');
    await expect.poll(() => page.locator('.fl-edge-label').textContent()).toBe('reads orders');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.fl-edge-label').count()).toBe(0);
  });

  it('refuses a second identical connection and says why', async () => {
    const { page } = await openApp();
    await dragFromPalette(page, 'Service', { x: 250, y: 300 });
    await dragFromPalette(page, 'Cache', { x: 650, y: 300 });
    await connectNodes(page, 'Service', 'Cache');
    await expect.poll(() => edge(page, 'Service', 'Cache').count()).toBe(1);
    await connectNodes(page, 'Service', 'Cache');
    await expect.poll(() => messages(page).textContent()).toContain('Service already calls Cache');
    expect(await edge(page, 'Service', 'Cache').count()).toBe(1);
  });

  it('drops a node into a group, and the child follows when the group moves', async () => {
    const { page } = await openApp();
    await dragFromPalette(page, 'Group', { x: 400, y: 300 });
    await dragFromPalette(page, 'Worker', { x: 400, y: 650 });
    const group = node(page, 'Group');
    const worker = node(page, 'Worker');
    const g = await box(group);
    const w = await box(worker);
    // Into the middle of the group.
    await dragBy(page, worker, g.x + g.width / 2 - (w.x + w.width / 2), g.y + g.height / 2 - (w.y + w.height / 2));
    const inside = await box(worker);
    expect(inside.x).toBeGreaterThan(g.x);
    expect(inside.y).toBeGreaterThan(g.y);

    const before = await box(worker);
    await dragBy(page, group, 150, 80, 'title');
    const after = await box(worker);
    const groupAfter = await box(group);
    expect(groupAfter.x - g.x).toBeGreaterThan(100);
    expect(after.x - before.x).toBeCloseTo(groupAfter.x - g.x, 0);
    expect(after.y - before.y).toBeCloseTo(groupAfter.y - g.y, 0);

    // One undo takes the group back, and the worker with it: the drag was one step.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await box(worker)).x)).toBe(Math.round(before.x));

    // Dragging the worker out of the group releases it: moving the group leaves it behind.
    await dragBy(page, worker, 0, 330);
    const released = await box(worker);
    await dragBy(page, group, -120, 0, 'title');
    expect(Math.round((await box(worker)).x)).toBe(Math.round(released.x));
    await page.screenshot({ path: screenshotPath('editor-group.png') });
  });

  it('deletes the selection with the keyboard, and undo brings it back', async () => {
    const { page } = await openApp();
    await dragFromPalette(page, 'Queue', { x: 300, y: 300 });
    await dragFromPalette(page, 'Worker', { x: 700, y: 300 });
    await connectNodes(page, 'Queue', 'Worker');
    await node(page, 'Queue').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node(page, 'Queue').count()).toBe(0);
    expect(await edge(page, 'Queue', 'Worker').count()).toBe(0);
    await node(page, 'Worker').click();
    await page.keyboard.press('Backspace');
    await expect.poll(() => node(page, 'Worker').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => edge(page, 'Queue', 'Worker').count()).toBe(1);
  });

  it('lays the flow out top to bottom, each edge on the sides its nodes face each other by, in one undo step', async () => {
    const { page } = await openApp();
    await serviceAndDatabase(page, true);
    await expect.poll(() => edge(page, 'Service', 'Database').count()).toBe(1);
    await runMenu(page, 'Arrange', 'Flow top to bottom');
    /** How far the edge's ends are from the centres of the handles they belong to, on screen. */
    const gaps = async () =>
      page.evaluate(() => {
        const path = document.querySelector<SVGPathElement>('.react-flow__edge path.react-flow__edge-path')!;
        const m = path.getScreenCTM()!;
        const onScreen = (p: DOMPoint) => ({ x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f });
        const start = onScreen(path.getPointAtLength(0));
        const end = onScreen(path.getPointAtLength(path.getTotalLength()));
        const centre = (selector: string) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        };
        const source = centre('.react-flow__node[aria-label="Service"] .react-flow__handle[data-handlepos="bottom"]');
        const target = centre('.react-flow__node[aria-label="Database"] .react-flow__handle[data-handlepos="top"]');
        return [Math.hypot(start.x - source.x, start.y - source.y), Math.hypot(end.x - target.x, end.y - target.y)];
      });
    // The database is laid out below the service, and the edge leaves the service's bottom for the
    // database's top.
    await expect.poll(async () => (await box(node(page, 'Database'))).y - (await box(node(page, 'Service'))).y).toBeGreaterThan(40);
    await expect.poll(async () => Math.max(...(await gaps()))).toBeLessThan(6);
    // One undo: side by side again, as they were drawn.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.abs((await box(node(page, 'Database'))).y - (await box(node(page, 'Service'))).y)).toBeLessThan(2);
  });

  it('auto-layout moves overlapping nodes apart in one undo step', async () => {
    const { page } = await openApp();
    for (const kind of ['Client', 'Load balancer', 'Service', 'Database']) await dragFromPalette(page, kind, { x: 400, y: 300 });
    await connectNodes(page, 'Client', 'Load balancer').catch(() => undefined);
    const boxes = await Promise.all(['Client', 'Load balancer', 'Service', 'Database'].map((n) => box(node(page, n))));
    expect(overlap(boxes[0], boxes[3])).toBe(true);
    await runMenu(page, 'Arrange', 'Auto-layout');
    await expect
      .poll(async () => {
        const after = await Promise.all(['Client', 'Load balancer', 'Service', 'Database'].map((n) => box(node(page, n))));
        return after.some((a, i) => after.some((b, j) => i < j && overlap(a, b)));
      })
      .toBe(false);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => {
        const back = await Promise.all(['Client', 'Database'].map((n) => box(node(page, n))));
        return overlap(back[0], back[1]);
      })
      .toBe(true);
  });

  it('renames by double-click, duplicates with Ctrl+D, copies and pastes', async () => {
    const { page } = await openApp();
    await dragFromPalette(page, 'Service', { x: 300, y: 300 });
    await node(page, 'Service').dblclick();
    const input = canvas(page).getByRole('textbox', { name: 'Label' });
    await input.fill('Checkout');
    await input.press('Enter');
    await expect.poll(() => node(page, 'Checkout').count()).toBe(1);
    await node(page, 'Checkout').click();
    await page.keyboard.press('Control+d');
    await expect.poll(() => node(page, 'Checkout').count()).toBe(2);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => node(page, 'Checkout').count()).toBe(3);
    await page.keyboard.press('Control+z');
    await expect.poll(() => node(page, 'Checkout').count()).toBe(2);
  });

  it('refuses a negative timeout in the inspector with a message, and stores nothing', async () => {
    const { page } = await openApp();
    await dragFromPalette(page, 'Service', { x: 250, y: 300 });
    await dragFromPalette(page, 'External API', { x: 650, y: 300 });
    await connectNodes(page, 'Service', 'External API');
    await edge(page, 'Service', 'External API').click({ force: true });
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const timeout = inspector.getByRole('textbox', { name: 'Timeout' });
    await timeout.fill('-50');
    await timeout.press('Enter');
    await expect.poll(() => inspector.getByRole('alert').textContent()).toBe('Timeout must be at least 0 ms');
    await timeout.fill('750');
    await timeout.press('Enter');
    expect(await inspector.getByRole('alert').count()).toBe(0);
    await expect.poll(() => inspector.getByRole('button', { name: 'Reset Timeout to default' }).count()).toBe(1);
    // Undo takes back exactly the stored value; the refused one never entered history.
    await page.getByLabel('Diagram canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await edge(page, 'Service', 'External API').click({ force: true });
    await expect.poll(() => inspector.getByRole('textbox', { name: 'Timeout' }).inputValue()).toBe('2000');
  });

  it('runs commands from the command palette', async () => {
    const { page } = await openApp();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Command palette' });
    await dialog.getByRole('combobox', { name: 'Command' }).fill('add cache');
    await dialog.getByRole('combobox', { name: 'Command' }).press('Enter');
    await expect.poll(() => node(page, 'Cache').count()).toBe(1);
    expect(await dialog.isVisible()).toBe(false);
  });
});

describe('help', () => {
  it('shows every shortcut the registry has on ?, and the replay legend from the palette', async () => {
    const registry = new CommandRegistry(false);
    registerDefaultCommands(registry);
    const withKeys = registry.all().filter((c) => c.shortcuts?.length);
    const { page } = await openApp();
    await page.getByLabel('Diagram canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.locator('dd').count()).toBe(withKeys.length);
    const shown = await sheet.locator('dd').allTextContents();
    expect(shown.sort()).toEqual(withKeys.map((c) => c.label).sort());
    await page.screenshot({ path: screenshotPath('help-shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);

    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox', { name: 'Command' }).fill('legend');
    await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox', { name: 'Command' }).press('Enter');
    const legend = page.getByRole('dialog', { name: 'Replay legend' });
    await expect.poll(() => legend.getByRole('region', { name: 'Node health' }).textContent()).toContain('Down');
    expect(await legend.getByRole('region', { name: 'Request particles' }).textContent()).toContain('Failed fast: the breaker was open');
    await page.screenshot({ path: screenshotPath('help-legend.png') });
  });
});

describe('the empty canvas', () => {
  it('takes a component dropped right on the getting-started card; the minimap comes when the view shows part of the diagram', async () => {
    const { page } = await openApp();
    const card = await box(page.getByRole('region', { name: 'Getting started' }));
    const c = await box(canvas(page));
    // No empty white minimap on an empty canvas; React Flow's attribution is there.
    expect(await page.getByLabel('Minimap').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'React Flow' }).isVisible()).toBe(true);
    await dragFromPalette(page, 'Cache', { x: card.x - c.x + card.width / 2, y: card.y - c.y + card.height / 2 });
    await expect.poll(() => node(page, 'Cache').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('first-node.png') });
    // All of it in view: a map would only cover a corner of the canvas.
    expect(await page.getByLabel('Minimap').count()).toBe(0);
    // Panned until the node is partly out of view, the map shows where the view is.
    const n = await box(node(page, 'Cache'));
    const grab = { x: c.x + 40, y: c.y + 40 };
    await dragBetween(page, grab, { x: grab.x + (c.x + c.width - n.x) - n.width / 2, y: grab.y });
    await expect.poll(() => page.getByLabel('Minimap').count()).toBe(1);
  });
});
