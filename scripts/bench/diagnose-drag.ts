// Diagnosis, not a benchmark: where a drag's time goes (style, layout, layerize, paint) and what
// invalidates it. Build unminified first:
//   npx vite build --minify false --outDir dist-prof
//   npx tsx scripts/bench/diagnose-drag.ts dist-prof 1000 [nominimap]   (CSS="..." injects a style)
import { benchPage, launch, serve } from './browser';
import { gridDiagram } from './generate';

const app = await serve(process.argv[2] ?? 'dist-prof');
const browser = await launch();
const page = await benchPage(browser);
await page.goto(`${app.url}?debug`);
await page.waitForFunction(() => 'faultline' in window);
const n = Number(process.argv[3] ?? 1000);
type Handle = { faultline: { documentStore: { getState(): { load(d: unknown): void } }; uiStore: { getState(): { toggle(k: string, v: boolean): void } } } };
await page.evaluate((d) => (window as unknown as Handle).faultline.documentStore.getState().load(d), gridDiagram(n, n * 1.5));
if (process.argv[4] === 'nominimap') await page.evaluate(() => (window as unknown as Handle).faultline.uiStore.getState().toggle('showMinimap', false));
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
await page.waitForTimeout(1500);
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking'],
});
const b = (await page.locator('.react-flow__node[data-id="n1"]').boundingBox())!;
await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
await page.mouse.down();
await page.mouse.move(b.x + 300, b.y + 150, { steps: 40 });
await page.mouse.up();
const trace = JSON.parse((await browser.stopTracing()).toString());
const sums = new Map<string, [number, number]>();
for (const e of trace.traceEvents) {
  if (e.ph !== 'X' || !e.dur) continue;
  const s = sums.get(e.name) ?? [0, 0];
  s[0] += e.dur;
  s[1]++;
  sums.set(e.name, s);
}
const reasons = new Map<string, number>();
for (const e of trace.traceEvents) {
  if (
    e.name === 'LayoutInvalidationTracking' ||
    e.name === 'StyleInvalidatorInvalidationTracking' ||
    e.name === 'ScheduleStyleInvalidationTracking' ||
    e.name === 'StyleRecalcInvalidationTracking'
  ) {
    const d = e.args?.data ?? {};
    const k = `${e.name} ${d.reason ?? d.invalidationSet ?? ''} ${d.nodeName ?? ''} ${d.changedAttribute ?? d.changedClass ?? ''}`;
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
}
for (const [k, c] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(String(c).padStart(6), k);
for (const [k, [d, c]] of [...sums].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log((d / 1000).toFixed(1).padStart(9), String(c).padStart(6), k);
await browser.close();
await app.server.close();
