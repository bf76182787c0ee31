// Builds the app once, serves it, and starts one Chromium that every test file connects to.
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    wsEndpoint: string;
  }
}

let server: PreviewServer | undefined;
let browser: BrowserServer | undefined;

export async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD) await build({ logLevel: 'warn' });
  server = await preview({ logLevel: 'warn', preview: { port: 0, strictPort: false, host: '127.0.0.1' } });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report its address');
  browser = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright gives every launch a fresh, empty profile of its own.
    args: CHROMIUM_ARGS,
  });
  project.provide('baseUrl', baseUrl);
  project.provide('wsEndpoint', browser.wsEndpoint());
}

export async function teardown() {
  await browser?.close();
  await server?.close();
}
