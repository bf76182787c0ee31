// Shared browser plumbing for benchmarks: serve a built folder, launch Chromium, record frames.
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/helpers/chromium';

export async function serve(outDir: string, root = process.cwd()): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`could not serve ${outDir}`);
  return { url, server };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A page ready for measuring. tsx compiles functions with esbuild's keepNames, which wraps them
 * in a `__name` helper that does not exist inside the page; the shim makes it a no-op there.
 */
export async function benchPage(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  return page;
}

/** Installs a requestAnimationFrame recorder in the page; frames are the gaps between callbacks. */
export async function installFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { times: number[]; on: boolean } };
    w.__frames = { times: [], on: false };
  });
}

export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const f = (window as unknown as { __frames: { times: number[]; on: boolean } }).__frames;
    f.times = [];
    f.on = true;
    const loop = (t: number) => {
      if (!f.on) return;
      f.times.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const f = (window as unknown as { __frames: { times: number[]; on: boolean } }).__frames;
    f.on = false;
    const gaps: number[] = [];
    for (let i = 1; i < f.times.length; i++) gaps.push(f.times[i] - f.times[i - 1]);
    return gaps;
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Waits in the page until the canvas shows `nodes` visible nodes and `edges` edges; returns ms since `since`. */
export async function waitForCanvas(page: Page, nodes: number, edges: number, since: number): Promise<number> {
  return page.evaluate(
    ({ nodes, edges, since }) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const visible = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter((n) => n.style.visibility !== 'hidden').length;
          const drawn = document.querySelectorAll('.react-flow__edge').length;
          if (visible >= nodes && drawn >= edges) requestAnimationFrame(() => resolve(performance.now() - since));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { nodes, edges, since },
  );
}
