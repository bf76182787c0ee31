// A replay to work with, reached as a person does: import the checkout chain, break it from
// the canvas, run it from the simulation panel.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { messages, node, runMenu } from './canvas';

export const CHECKOUT = 'flowchart LR\n  U([Users]) --> API[Checkout API] --> DB[(Orders DB)]';

export const dock = (page: Page) => page.getByRole('region', { name: 'Simulation' });
export const player = (page: Page) => dock(page).getByRole('group', { name: 'Replay' });

export async function importCheckout(page: Page) {
  await runMenu(page, 'File', 'Import Mermaid');
  const dialog = page.getByRole('dialog', { name: 'Import Mermaid' });
  await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill(CHECKOUT);
  await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).textContent()).toContain('Will create 3 nodes, 2 connections');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => node(page, 'Orders DB').count()).toBe(1);
}

export async function injectFault(page: Page, target: Locator, fault: string, on: string) {
  await target.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Inject fault on ${on}` });
  await menu.getByRole('menuitem', { name: new RegExp(`^${fault}`) }).click();
  await expect.poll(() => menu.count()).toBe(0);
}

export async function runAndWait(page: Page) {
  const runs = dock(page).getByRole('tab', { name: /^Incident timeline/ });
  const finished = messages(page)
    .getByRole('listitem')
    .filter({ hasText: /^Run finished/ });
  // An earlier run's message goes first: messages leave on their own time, so counting them
  // across a run could miss the new one as the old one leaves.
  while ((await finished.count()) > 0) await finished.first().getByRole('button', { name: 'Dismiss' }).click();
  await dock(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => finished.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await runs.waitFor();
}
