// Opening the app in a fresh browser context, the way a person arrives at it, and failing the
// test on any uncaught page error.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

let browser: Browser | null = null;
const open: { context: BrowserContext; errors: string[] }[] = [];

async function connect(): Promise<Browser> {
  browser ??= await chromium.connect(inject('wsEndpoint'));
  return browser;
}

export interface AppOptions {
  path?: string;
  context?: BrowserContext;
  viewport?: { width: number; height: number };
  /** How long the first page may take to load: a dev server with a cold cache bundles first. */
  loadTimeoutMs?: number;
}

/**
 * A Chromium of the test file's own. The system clipboard is one per browser, so a file whose
 * tests copy and read links runs in its own browser and cannot read another file's copies.
 * The file closes it in its afterAll.
 */
export async function ownBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export async function newContext(viewport = { width: 1400, height: 900 }, from?: Browser): Promise<BrowserContext> {
  const b = from ?? (await connect());
  const context = await b.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
  open.push({ context, errors: [] });
  return context;
}

export async function openApp(options: AppOptions = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = options.context ?? (await newContext(options.viewport));
  const entry = open.find((o) => o.context === context)!;
  const page = await context.newPage();
  // An action that cannot happen fails the test with its reason, well inside the test's time.
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => entry.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') entry.errors.push(m.text());
  });
  const timeout = options.loadTimeoutMs;
  await page.goto(new URL(options.path ?? '/', inject('baseUrl')).toString(), { timeout });
  await page.getByRole('application').or(page.getByLabel('Diagram canvas')).first().waitFor({ timeout });
  return { page, context, errors: entry.errors };
}

afterEach(async () => {
  const contexts = open.splice(0);
  for (const { context, errors } of contexts) {
    await context.close();
    expect(errors, 'errors in the page').toEqual([]);
  }
});

export function screenshotPath(name: string): string {
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * The clipboard's text once it satisfies `ok`. Chromium's clipboard is one for the whole browser,
 * and test files run side by side, so a test waits for its own text rather than reading once.
 */
export async function clipboardText(page: Page, ok: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (ok(text)) return text;
    if (Date.now() > end) throw new Error(`The clipboard never held the expected text (last: ${text.slice(0, 80)})`);
    await page.waitForTimeout(50);
  }
}
