// Shared browser plumbing for benchmarks: serve a built folder, launch Chromium, record frames.
import { execFileSync } from 'node:child_process';
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

/** The app opens the last diagram from the library after its first paint; wait for that. */
export async function waitForLibrary(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-label="Save status"]')?.getAttribute('data-state') !== 'loading');
}

/** Builds the app, serves it and opens it with its debug handle in a fresh Chromium page. */
export async function withBuiltApp<T>(body: (page: Page) => Promise<T>): Promise<T> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const app = await serve('dist');
  const browser = await launch();
  try {
    const page = await benchPage(browser);
    await page.goto(`${app.url}?debug`);
    await page.waitForFunction(() => 'faultline' in window);
    await waitForLibrary(page);
    return await body(page);
  } finally {
    await browser.close();
    await app.server.close();
  }
}

/** Starts collecting the page's long tasks (main-thread tasks over 50 ms). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longObserver?: PerformanceObserver };
    w.__long = [];
    // One observer at a time: a second recording must not count each task twice.
    w.__longObserver?.disconnect();
    w.__longObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    });
    w.__longObserver.observe({ type: 'longtask', buffered: false });
  });
}

export async function longTasksSummary(page: Page): Promise<string> {
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return long.length === 0 ? 'none over 50 ms (the long-task threshold)' : `${long.length} over 50 ms, longest ${Math.max(...long).toFixed(0)} ms`;
}
