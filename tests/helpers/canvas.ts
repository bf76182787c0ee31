// Canvas gestures as a person makes them: drag from the palette, drag between handles, drag
// nodes, read where things are on screen.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export function canvas(page: Page): Locator {
  return page.getByRole('application', { name: 'Diagram canvas' });
}

export function node(page: Page, name: string): Locator {
  return canvas(page).getByRole('group', { name, exact: true });
}

export function edge(page: Page, from: string, to: string): Locator {
  return canvas(page).getByRole('group', { name: new RegExp(`^${escapeRegExp(from)} calls ${escapeRegExp(to)}`) });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element is not visible');
  return b;
}

/** Drags a palette entry onto the canvas at a point relative to the canvas's top-left corner. */
export async function dragFromPalette(page: Page, kind: string, at: { x: number; y: number }) {
  await page.getByRole('complementary', { name: 'Components' }).getByRole('button', { name: kind, exact: true }).dragTo(canvas(page), { targetPosition: at });
}

export async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / steps, from.y + (to.y - from.y) / steps);
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** A node's connection point on one side (every component has one on each). */
export function handle(page: Page, name: string, side: 'top' | 'right' | 'bottom' | 'left'): Locator {
  return node(page, name).locator(`.react-flow__handle[data-handlepos="${side}"]`);
}

/** The side of `a` that faces `b`, on screen. */
export function facingSide(a: Box, b: Box): 'top' | 'right' | 'bottom' | 'left' {
  const dx = b.x + b.width / 2 - (a.x + a.width / 2);
  const dy = b.y + b.height / 2 - (a.y + a.height / 2);
  if (Math.abs(dx) / a.width >= Math.abs(dy) / a.height) return dx >= 0 ? 'right' : 'left';
  return dy >= 0 ? 'bottom' : 'top';
}

/** Drags from one node's connection point that faces the other to the other's facing point. */
export async function connectNodes(page: Page, from: string, to: string) {
  const a = await box(node(page, from));
  const b = await box(node(page, to));
  const source = await box(handle(page, from, facingSide(a, b)));
  const target = await box(handle(page, to, facingSide(b, a)));
  await dragBetween(
    page,
    { x: source.x + source.width / 2, y: source.y + source.height / 2 },
    { x: target.x + target.width / 2, y: target.y + target.height / 2 },
  );
}

/** Drags a node by its middle, or a group by its title bar, by a distance on screen. */
export async function dragBy(page: Page, target: Locator, dx: number, dy: number, grab: 'middle' | 'title' = 'middle') {
  const b = await box(target);
  const from = { x: b.x + (grab === 'title' ? 40 : b.width / 2), y: b.y + (grab === 'title' ? 14 : b.height / 2) };
  await dragBetween(page, from, { x: from.x + dx, y: from.y + dy });
}

export async function runMenu(page: Page, menu: string, item: string) {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: menu, exact: true }).click();
  await page
    .getByRole('menu', { name: menu })
    .getByRole('menuitem', { name: new RegExp(`^${escapeRegExp(item)}`) })
    .click();
}

export function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The messages area (toasts) at the bottom of the screen. */
export function messages(page: Page): Locator {
  return page.getByRole('status', { name: 'Messages' });
}

/** Renames a node the way a person does: double-click, type, Enter; waits until it shows. */
export async function rename(page: Page, from: string, to: string) {
  await node(page, from).dblclick();
  const input = canvas(page).getByRole('textbox', { name: 'Label' });
  await input.fill(to);
  await input.press('Enter');
  await expect.poll(() => node(page, to).count()).toBe(1);
}

/** The sketch most tests start from: a service and a database side by side, connected if asked. */
export async function serviceAndDatabase(page: Page, connected = false) {
  await dragFromPalette(page, 'Service', { x: 250, y: 250 });
  await dragFromPalette(page, 'Database', { x: 650, y: 250 });
  if (connected) await connectNodes(page, 'Service', 'Database');
}
