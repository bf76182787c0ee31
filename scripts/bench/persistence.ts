// Storage benchmark in headless Chromium with real IndexedDB: save and load of a 1,000-node
// diagram, and the longest main-thread task while dragging with autosave running.
import type { Page } from 'playwright-core';
import { longTasksSummary, median, percentile, recordLongTasks, withBuiltApp } from './browser';
import { gridDiagram } from './generate';

type Handle = {
  faultline: {
    session(): Promise<{
      adopt(d: unknown): Promise<void>;
      flush(): Promise<void>;
      library: {
        save(d: unknown, rev: number): Promise<{ ok: boolean; revision: number }>;
        load(id: string): Promise<unknown>;
        revisionOf(id: string): Promise<number>;
      };
    }>;
    documentStore: { getState(): { diagram: { id: string } } };
    canvas(): { focusNode(id: string, zoom: number): void };
  };
};

async function timings(page: Page, runs: number) {
  return page.evaluate(async (runs) => {
    const s = await (window as unknown as Handle).faultline.session();
    const doc = (window as unknown as Handle).faultline.documentStore.getState().diagram;
    const save: number[] = [];
    const load: number[] = [];
    for (let i = 0; i < runs; i++) {
      const rev = await s.library.revisionOf(doc.id);
      let t = performance.now();
      const r = await s.library.save({ ...doc, name: `Run ${i}` }, rev);
      save.push(performance.now() - t);
      if (!r.ok) throw new Error('conflict');
      t = performance.now();
      await s.library.load(doc.id);
      load.push(performance.now() - t);
    }
    return { save, load };
  }, runs);
}

export async function runPersistenceBench(): Promise<Record<string, string | number>> {
  return withBuiltApp(async (page) => {
    const d = gridDiagram(1000, 1500);
    await page.evaluate(async (d) => (await (window as unknown as Handle).faultline.session()).adopt(d), d);
    await page.waitForTimeout(500);
    await timings(page, 3); // warm-up
    const { save, load } = await timings(page, 15);

    // Long tasks while dragging one node for three seconds at a working zoom, autosave on.
    await page.evaluate(() => (window as unknown as Handle).faultline.canvas().focusNode('n1', 1));
    await page.waitForTimeout(400);
    await recordLongTasks(page);
    const box = (await page.locator('.react-flow__node[data-id="n1"]').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const started = Date.now();
    await page.mouse.move(x, y);
    await page.mouse.down();
    let step = 0;
    while (Date.now() - started < 3_000) {
      step++;
      await page.mouse.move(x + (step % 200), y + ((step * 3) % 120));
    }
    await page.mouse.up();
    await page.evaluate(async () => (await (window as unknown as Handle).faultline.session()).flush());
    return {
      diagram: '1,000 nodes, 1,500 edges (generated grid), real IndexedDB in headless Chromium, median of 15 after warm-up',
      'save (goal <= 50 ms)': `${median(save).toFixed(1)} ms (p95 ${percentile(save, 95).toFixed(1)} ms)`,
      'load (goal <= 100 ms)': `${median(load).toFixed(1)} ms (p95 ${percentile(load, 95).toFixed(1)} ms)`,
      'drag for 3 s at zoom 1 with autosave running': `${step} mouse moves`,
      'longest main-thread task (goal < 50 ms)': await longTasksSummary(page),
    };
  });
}
