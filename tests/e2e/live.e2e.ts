// Live sessions in real Chromium contexts through the real relay (scripts/relay.mjs, started here
// on a free localhost port): two or three people on one diagram.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas, connectNodes, dragBy, dragFromPalette, messages, node, rename, runMenu, serviceAndDatabase } from '../helpers/canvas';
import { clipboardText, newContext, openApp, ownBrowser, screenshotPath } from '../helpers/e2e';
import { type Relay, startRelay } from '../../scripts/relayProcess';

let relay: Relay;
let browser: Browser;
beforeAll(async () => {
  relay = await startRelay();
  browser = await ownBrowser();
});
afterAll(async () => {
  await relay?.stop();
  await browser?.close();
});

/** A browser context pointed at this test's relay, as a person who set the relay address would be. */
async function personContext(): Promise<BrowserContext> {
  const context = await newContext(undefined, browser);
  await context.addInitScript((url) => localStorage.setItem('faultline.relayUrl', url), relay.url);
  return context;
}

async function giveName(page: Page, name: string, button: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Your name/ }).fill(name);
  await dialog.getByRole('button', { name: button }).click();
}

/** The candidate sketches and starts a session; returns the link they copied. */
async function hostSession(): Promise<{ page: Page; link: string; errors: string[] }> {
  const { page, errors } = await openApp({ context: await personContext(), path: '/?debug' });
  await serviceAndDatabase(page, true);
  await runMenu(page, 'Live', 'Start live session');
  await giveName(page, 'Candidate', 'Start and copy link');
  await expect.poll(() => page.getByRole('status').filter({ hasText: /^Live/ }).count()).toBe(1);
  // The address holds the room's link too (a reload rejoins); the copied one must be the same.
  const link = page.url().slice(page.url().indexOf('#'));
  expect(link).toMatch(/^#live=[\w-]+\.[\w-]{43}&role=editor$/);
  await clipboardText(page, (t) => t.endsWith(link));
  return { page, link, errors };
}

async function join(link: string, name: string): Promise<Page> {
  return (await joinWithErrors(link, name)).page;
}

async function joinWithErrors(link: string, name: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openApp({ context: await personContext(), path: `/?debug${link.slice(link.indexOf('#'))}` });
  await giveName(page, name, 'Join');
  await expect.poll(() => node(page, 'Service').count(), { timeout: 10_000 }).toBe(1);
  return { page, errors };
}

/** Chromium logs each failed reconnection while the relay is away: expected here, nothing else is. */
function forgiveRefusedConnections(errors: string[]): void {
  const kept = errors.filter((e) => !/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/[\w-]+' failed/.test(e));
  errors.splice(0, errors.length, ...kept);
}

const position = (page: Page, label: string) => node(page, label).boundingBox();

/** The open diagram as canonical JSON (keys sorted), read through the ?debug handle. */
const documentOf = (page: Page) =>
  page.evaluate(() => {
    const canonical = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(canonical).join(',')}]`
        : v !== null && typeof v === 'object'
          ? `{${Object.keys(v)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
              .join(',')}}`
          : JSON.stringify(v);
    const { updatedAt: _u, ...d } = (window as unknown as { faultline: { editor: { diagram: Record<string, unknown> } } }).faultline.editor.diagram;
    return canonical(d);
  });

async function injectFault(page: Page, label: string, fault: string) {
  await node(page, label).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Inject fault on ${label}` });
  await menu.getByRole('menuitem', { name: new RegExp(`^${fault}`) }).click();
  await expect.poll(() => menu.count()).toBe(0);
}

describe('a live session', () => {
  it('puts two people on one diagram: edits, presence, per-person undo, all within a second', async () => {
    const { page: a, link } = await hostSession();
    const b = await join(link, 'Interviewer');
    expect(await node(b, 'Database').count()).toBe(1);
    await expect.poll(() => b.getByRole('status').filter({ hasText: 'Live · 2 people' }).count()).toBe(1);
    await expect.poll(() => a.getByRole('button', { name: 'Follow Interviewer' }).count()).toBe(1);

    await rename(a, 'Service', 'Checkout');
    await expect.poll(() => node(b, 'Checkout').count(), { timeout: 1000 }).toBe(1);

    const before = (await position(a, 'Database'))!;
    await dragBy(b, node(b, 'Database'), 0, 120);
    await expect.poll(async () => Math.round((await position(a, 'Database'))!.y - before.y), { timeout: 1000 }).toBeGreaterThan(80);

    // The interviewer's pointer and selection show on the candidate's canvas, with their name.
    await node(b, 'Checkout').click();
    const cb = (await canvas(b).boundingBox())!;
    await b.mouse.move(cb.x + 500, cb.y + 500);
    await expect.poll(() => a.locator('.fl-live-cursor', { hasText: 'Interviewer' }).count(), { timeout: 1000 }).toBe(1);
    await expect.poll(() => a.locator('.fl-live-selection').count(), { timeout: 1000 }).toBe(1);
    await a.screenshot({ path: screenshotPath('live-two-people.png') });

    // The candidate's undo takes back the candidate's rename, not the interviewer's move.
    await canvas(a).click({ position: { x: 40, y: 40 } });
    await a.keyboard.press('Control+z');
    await expect.poll(() => node(b, 'Service').count(), { timeout: 1000 }).toBe(1);
    expect(Math.round((await position(a, 'Database'))!.y - before.y)).toBeGreaterThan(80);

    // The interviewer adds a cache and connects it; the candidate breaks the database.
    await dragFromPalette(b, 'Cache', { x: 250, y: 480 });
    await connectNodes(b, 'Service', 'Cache');
    await expect.poll(() => node(a, 'Cache').count(), { timeout: 1000 }).toBe(1);
    await injectFault(a, 'Database', 'Hang');
    await expect
      .poll(
        () =>
          b.evaluate(() =>
            (
              window as unknown as { faultline: { editor: { diagram: { scenarios: { faults: { type: string }[] }[] } } } }
            ).faultline.editor.diagram.scenarios[0]?.faults
              .map((f) => f.type)
              .join(),
          ),
        { timeout: 1000 },
      )
      .toBe('hang');
    // Both end with the same document, field for field.
    await expect.poll(async () => (await documentOf(a)) === (await documentOf(b))).toBe(true);
    expect(relay.traffic()).not.toContain('Checkout');
    expect(relay.traffic()).not.toContain('Interviewer');
  });

  it('lets a viewer watch, and changes nothing they try', async () => {
    const { page: a } = await hostSession();
    await runMenu(a, 'Live', 'Copy view-only link');
    const room = a.url().slice(a.url().indexOf('#live=')).split('&')[0];
    const viewLink = await clipboardText(a, (t) => t.includes(room) && t.endsWith('&role=viewer'));
    const v = await join(viewLink, 'Observer');
    await expect.poll(() => v.getByRole('status').filter({ hasText: 'view only' }).count()).toBe(1);
    // Dragging a node pans the view for a viewer; the node keeps its place beside the others.
    const gap = async () => Math.round((await position(v, 'Database'))!.x - (await position(v, 'Service'))!.x);
    const before = await gap();
    await dragBy(v, node(v, 'Service'), 200, 0);
    await node(v, 'Service').click();
    await v.keyboard.press('Delete');
    expect(await node(v, 'Service').count()).toBe(1);
    expect(await gap()).toBe(before);
    await expect.poll(() => messages(v).filter({ hasText: 'You are viewing this live session' }).count()).toBeGreaterThan(0);
    expect(await node(a, 'Service').count()).toBe(1);
    await rename(a, 'Service', 'Seen by the viewer');
    await expect.poll(() => node(v, 'Seen by the viewer').count(), { timeout: 1000 }).toBe(1);
  });

  it('keeps working while the relay is down, and syncs what both did when it is back', async () => {
    const { page: a, link, errors: aErrors } = await hostSession();
    const { page: b, errors: bErrors } = await joinWithErrors(link, 'Interviewer');
    await relay.stop();
    await expect.poll(() => a.getByRole('alert').filter({ hasText: 'Your edits are kept' }).count(), { timeout: 10_000 }).toBe(1);
    await rename(a, 'Service', 'Renamed offline');
    await rename(b, 'Database', 'Also offline');
    await relay.restart();
    await expect.poll(() => node(b, 'Renamed offline').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => node(a, 'Also offline').count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(() => a.getByRole('alert').filter({ hasText: 'Your edits are kept' }).count()).toBe(0);
    forgiveRefusedConnections(aErrors);
    forgiveRefusedConnections(bErrors);
  });

  it('keeps an edit made offline through a reload, and syncs it when the relay is back', async () => {
    const { page: a, link, errors } = await hostSession();
    const { page: b, errors: bErrors } = await joinWithErrors(link, 'Interviewer');
    expect(a.url()).toContain('#live=');
    await relay.stop();
    await expect.poll(() => a.getByRole('alert').filter({ hasText: 'Your edits are kept' }).count(), { timeout: 10_000 }).toBe(1);
    await rename(a, 'Service', 'Typed before the reload');
    await a.reload();
    await giveName(a, 'Candidate', 'Join');
    await expect.poll(() => node(a, 'Typed before the reload').count(), { timeout: 10_000 }).toBe(1);
    await relay.restart();
    await expect.poll(() => node(b, 'Typed before the reload').count(), { timeout: 15_000 }).toBe(1);
    forgiveRefusedConnections(errors);
    forgiveRefusedConnections(bErrors);
  });

  it('refuses a hostile update from a raw Yjs client; everyone else’s diagram is untouched', async () => {
    const { page: a, link } = await hostSession();
    const b = await join(link, 'Interviewer');
    const room = link.slice(link.indexOf('#live=') + 6).split('.')[0];
    const doc = new Y.Doc();
    const raw = new WebsocketProvider(relay.url, room, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
    await new Promise<void>((done) => raw.on('sync', (s: boolean) => s && done()));
    const nodes = doc.getMap<Y.Map<unknown>>('nodes');
    const first = [...nodes.keys()][0];
    doc.transact(() => {
      nodes.get(first)!.set('kind', 'rootkit');
      nodes.get(first)!.set('props.__proto__', { polluted: true });
      nodes.set('junk', 42 as never);
    });
    await expect.poll(() => messages(b).filter({ hasText: 'was refused' }).count(), { timeout: 3000 }).toBeGreaterThan(0);
    await expect.poll(() => messages(a).filter({ hasText: 'was refused' }).count(), { timeout: 3000 }).toBeGreaterThan(0);
    for (const p of [a, b]) {
      expect(await node(p, 'Service').count()).toBe(1);
      expect(await node(p, 'Database').count()).toBe(1);
      expect(await p.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).toBeUndefined();
    }
    // The room still works.
    await rename(a, 'Service', 'After the attack');
    await expect.poll(() => node(b, 'After the attack').count(), { timeout: 1000 }).toBe(1);
    raw.destroy();
  });
});
