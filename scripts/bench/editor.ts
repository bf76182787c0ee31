// Canvas benchmark: a generated 1,000-node, 1,500-edge diagram in the app beside plain React
// Flow default nodes, in the same browser and run; dragging at 1,000 nodes beside 100; and the
// initial JavaScript of the production build; and the undo of a long drag (gestureUndo.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { Diagram } from '../../src/model';
import { benchPage, installFrameRecorder, launch, median, percentile, serve, startFrames, stopFrames, waitForCanvas, waitForLibrary } from './browser';
import { gridDiagram } from './generate';
import { gestureUndoFigures } from './gestureUndo';

const VIEWPORT = { width: 1400, height: 900 };
const REPEATS = 3;

type Target = 'app' | 'plain';

async function openWith(browser: Browser, url: string, target: Target, d: Diagram): Promise<{ page: Page; firstRender: number }> {
  const page = await benchPage(browser, VIEWPORT);
  await page.goto(target === 'app' ? `${url}?debug` : url);
  await page.waitForFunction(() => 'faultline' in window || 'renderGraph' in window);
  if (target === 'app') await waitForLibrary(page);
  await installFrameRecorder(page);
  const since = await page.evaluate(
    ({ d, target }) => {
      const t0 = performance.now();
      const w = window as unknown as {
        faultline?: { documentStore: { getState(): { load(d: unknown): void } } };
        renderGraph?: (g: unknown) => void;
      };
      if (target === 'app') w.faultline!.documentStore.getState().load(d);
      else w.renderGraph!({ nodes: d.nodes.map((n) => ({ id: n.id, label: n.label, position: n.position })), edges: d.edges });
      return t0;
    },
    { d, target },
  );
  const firstRender = await waitForCanvas(page, d.nodes.length, d.edges.length, since);
  await page.waitForTimeout(400);
  return { page, firstRender };
}

async function panAndZoom(page: Page): Promise<number[]> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  await startFrames(page);
  await page.mouse.move(pane.x + 8, pane.y + 8);
  await page.mouse.down();
  await page.mouse.move(pane.x + 308, pane.y + 208, { steps: 60 });
  await page.mouse.up();
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 25; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(16);
  }
  for (let i = 0; i < 25; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
  return stopFrames(page);
}

/** Centres the view on the dragged node at a working zoom, as a person would before dragging. */
async function focusWorkingZoom(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { faultline: { canvas(): { focusNode(id: string, zoom: number): void } } }).faultline.canvas().focusNode('n1', 1),
  );
  await page.waitForTimeout(400);
}

async function dragOneNode(page: Page): Promise<number[]> {
  const target = page.locator('.react-flow__node[data-id="n1"]');
  const b = (await target.boundingBox())!;
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await startFrames(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 5, y + 5);
  await page.mouse.move(x + 300, y + 150, { steps: 90 });
  await page.mouse.up();
  return stopFrames(page);
}

export function initialJavaScript(distDir = 'dist') {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return gzipSizes(
    [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]),
    distDir,
  );
}

/** Every script the page had fetched once the library had opened: what a start really costs. */
async function startupScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.slice(1))
      .filter((p) => p.endsWith('.js')),
  );
}

function gzipSizes(files: string[], distDir = 'dist') {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(distDir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

export async function runEditorBench(): Promise<Record<string, string | number>> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '-c', 'scripts/bench/vite.plain.config.ts'], { stdio: 'inherit' });
  const app = await serve('dist');
  const plain = await serve('dist-bench/plain');
  const browser = await launch();
  try {
    const big = gridDiagram(1000, 1500);
    const small = gridDiagram(100, 150);
    const startup = await (async () => {
      const { page } = await openWith(browser, app.url, 'app', small);
      const files = await startupScripts(page);
      await page.close();
      return gzipSizes(files);
    })();
    const results = { app: { render: [] as number[], frames: [] as number[] }, plain: { render: [] as number[], frames: [] as number[] } };
    for (let r = 0; r < REPEATS; r++) {
      for (const target of ['plain', 'app'] as const) {
        const { page, firstRender } = await openWith(browser, target === 'app' ? app.url : plain.url, target, big);
        results[target].render.push(firstRender);
        results[target].frames.push(...(await panAndZoom(page)));
        await page.close();
      }
    }
    const drag = { 100: [] as number[], 1000: [] as number[], fit1000: [] as number[] };
    for (let r = 0; r < REPEATS; r++) {
      for (const [size, d] of [
        [100, small],
        [1000, big],
      ] as const) {
        const { page } = await openWith(browser, app.url, 'app', d);
        await focusWorkingZoom(page);
        drag[size].push(...(await dragOneNode(page)));
        await page.close();
      }
      const { page } = await openWith(browser, app.url, 'app', big);
      drag.fit1000.push(...(await dragOneNode(page)));
      await page.close();
    }
    const js = initialJavaScript();
    const appRender = median(results.app.render);
    const plainRender = median(results.plain.render);
    const appP95 = percentile(results.app.frames, 95);
    const plainP95 = percentile(results.plain.frames, 95);
    const drag100 = percentile(drag[100], 95);
    const drag1000 = percentile(drag[1000], 95);
    return {
      graph: '1,000 nodes, 1,500 edges (generated grid, seed 7); viewport 1400x900, fit to view',
      'first render, app (median of 3)': `${appRender.toFixed(0)} ms`,
      'first render, plain React Flow (median of 3)': `${plainRender.toFixed(0)} ms`,
      'first render ratio app/plain (goal <= 1.5)': ratio(appRender, plainRender),
      'pan+zoom p95 frame, app': `${appP95.toFixed(1)} ms`,
      'pan+zoom p95 frame, plain React Flow': `${plainP95.toFixed(1)} ms`,
      'pan+zoom p95 ratio app/plain (goal <= 1.5)': ratio(appP95, plainP95),
      'drag p95 frame at zoom 1 (view centred on the node), 100 nodes': `${drag100.toFixed(1)} ms`,
      'drag p95 frame at zoom 1 (view centred on the node), 1,000 nodes': `${drag1000.toFixed(1)} ms`,
      'drag p95 ratio 1,000/100 (goal <= 1.1)': ratio(drag1000, drag100),
      'drag p95 frame, 1,000 nodes all on screen (fit to view, for reference)': `${percentile(drag.fit1000, 95).toFixed(1)} ms`,
      'initial JS, gzip (goal <= 200 KB)': `${(js.gzip / 1024).toFixed(1)} KB in ${js.files.length} file(s)`,
      'JS fetched by the time the library has opened, gzip': `${(startup.gzip / 1024).toFixed(1)} KB in ${startup.files.length} file(s)`,
      ...gestureUndoFigures(),
    };
  } finally {
    await browser.close();
    await app.server.close();
    await plain.server.close();
  }
}

function ratio(a: number, b: number): string {
  return (a / b).toFixed(2);
}
