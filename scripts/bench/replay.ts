// Replay benchmark in headless Chromium: frame times while a 100-node run plays with hundreds of
// request particles in flight, beside the same canvas idle in the same page; and the longest
// main-thread task while a run of that diagram goes through the worker and is stored.
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createScenario } from '../../src/model';
import { installFrameRecorder, longTasksSummary, median, percentile, recordLongTasks, startFrames, stopFrames, withBuiltApp } from './browser';
import { replaySystem } from './generate';

type Handle = {
  faultline: {
    session(): Promise<{ adopt(d: unknown): Promise<void> }>;
    simulate(d: unknown, s: unknown, o: unknown): Promise<unknown>;
    playback: {
      getState(): {
        open(run: unknown, id: null, at: number): void;
        play(): void;
        pause(): void;
        close(): void;
        setSpeed(s: number): void;
        setLoop(l: boolean): void;
        status: { kind: string };
      };
    };
    canvas(): { fitView(): void };
  };
};

const SECONDS = 5;
const SAMPLE_LIMIT = 6_000;

async function frames(page: Page, ms: number): Promise<{ gaps: number[]; particles: number[] }> {
  await page.evaluate(() => ((window as unknown as { __particles: number[] }).__particles = []));
  await startFrames(page);
  const started = Date.now();
  while (Date.now() - started < ms) {
    await page.waitForTimeout(200);
    await page.evaluate(() => {
      const n = Number(document.querySelector<HTMLCanvasElement>('.fl-particles')?.dataset.particles ?? 0);
      (window as unknown as { __particles: number[] }).__particles.push(n);
    });
  }
  const gaps = await stopFrames(page);
  const particles = await page.evaluate(() => (window as unknown as { __particles: number[] }).__particles);
  return { gaps, particles };
}

/** Exports 10 s of the open run from the video dialog, as a person does; the page's long tasks meanwhile. */
async function exportVideo(page: Page): Promise<{ ms: number; file: string; long: string }> {
  await page.evaluate(() => {
    const f = (window as unknown as Handle & { faultline: { uiStore: { getState(): { toggle(k: string, v: boolean): void } } } }).faultline;
    f.playback.getState().pause();
    f.uiStore.getState().toggle('videoDialogOpen', true);
  });
  const dialog = page.getByRole('dialog', { name: 'Export video' });
  await dialog.getByLabel('From (s)').fill('15');
  await dialog.getByLabel('To (s)').fill('25');
  const button = dialog.getByRole('button', { name: 'Export WebM' });
  await button.waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('dialog[open] .fl-button-primary')?.disabled);
  await recordLongTasks(page);
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  const path = await download.path();
  const ms = Date.now() - started;
  const long = await longTasksSummary(page);
  return { ms, file: `${download.suggestedFilename()}, ${(statSync(path).size / 1e6).toFixed(1)} MB`, long };
}

/** Frames that took longer than one and a half 60 Hz refreshes: at least one frame was missed. */
function dropped(gaps: number[]): string {
  const n = gaps.filter((g) => g > 25).length;
  return `${n} of ${gaps.length} (${((100 * n) / gaps.length).toFixed(1)}%)`;
}

export async function runReplayBench(): Promise<Record<string, string | number>> {
  return withBuiltApp(async (page) => {
    const diagram = replaySystem();
    const scenario = createScenario('db-3 hangs', {
      seed: 1,
      durationMs: 60_000,
      faults: [{ id: 'f1', type: 'hang', target: { type: 'node', id: 'db-3' }, startMs: 20_000, endMs: 35_000 }],
    });
    diagram.scenarios = [scenario];
    await page.evaluate(async (d) => (window as unknown as Handle).faultline.session().then((s) => s.adopt(d)), diagram);
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length >= 100);
    await page.evaluate(() => (window as unknown as Handle).faultline.canvas().fitView());
    await page.waitForTimeout(600);
    await installFrameRecorder(page);

    // The page's own long tasks while the Run button's run goes: worker, storage, opening it.
    await recordLongTasks(page);
    const runStarted = Date.now();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as unknown as Handle).faultline.playback.getState().status.kind === 'running');
    await page.waitForFunction(() => (window as unknown as Handle).faultline.playback.getState().status.kind === 'idle', undefined, { timeout: 120_000 });
    await page.waitForTimeout(500);
    const runMs = Date.now() - runStarted;
    const long = await longTasksSummary(page);
    await page.evaluate(() => (window as unknown as Handle).faultline.playback.getState().close());

    await page.waitForTimeout(500);
    const idle = await frames(page, SECONDS * 1000);

    await page.evaluate(
      async ({ d, s, limit }) => {
        const run = await (window as unknown as Handle).faultline.simulate(d, s, { sampleLimit: limit });
        const pb = (window as unknown as Handle).faultline.playback.getState();
        pb.open(run, null, 15_000);
        pb.setSpeed(1);
        pb.setLoop(true);
        pb.play();
      },
      { d: diagram, s: scenario, limit: SAMPLE_LIMIT },
    );
    await page.waitForTimeout(500);
    const playing = await frames(page, SECONDS * 1000);
    await page.screenshot({ path: 'test-results/bench-replay.png' });
    const video = await exportVideo(page);

    const idleMedian = median(idle.gaps);
    const playMedian = median(playing.gaps);
    const idleP95 = percentile(idle.gaps, 95);
    const playP95 = percentile(playing.gaps, 95);
    return {
      diagram: `${diagram.nodes.length} nodes, ${diagram.edges.length} edges (4 clients x 250 req/s, db-3 hangs 20-35 s), fit to view in 1400x900`,
      'particles in flight while playing at 1x from 15 s (median, p95)': `${median(playing.particles)}, ${percentile(playing.particles, 95)} (sample limit ${SAMPLE_LIMIT.toLocaleString('en-US')} requests)`,
      'frame time idle, median / p95': `${idleMedian.toFixed(2)} ms / ${idleP95.toFixed(2)} ms (${idle.gaps.length} frames)`,
      'frame time playing, median / p95 (goal: median < 16.7 ms)': `${playMedian.toFixed(2)} ms / ${playP95.toFixed(2)} ms (${playing.gaps.length} frames)`,
      'playing / idle, median (goal <= 1.5)': (playMedian / idleMedian).toFixed(2),
      'playing / idle, p95': (playP95 / idleP95).toFixed(2),
      'dropped frames (gaps over 1.5 refreshes), idle / playing': `${dropped(idle.gaps)} / ${dropped(playing.gaps)}`,
      'run of 60 s through the worker, stored and opened': `${(runMs / 1000).toFixed(1)} s wall`,
      'longest main-thread task during it (goal < 50 ms)': long,
      'video export, 10 s of the replay (15-25 s) at 30 fps, 1280x720 WebM': `${(video.ms / 1000).toFixed(1)} s wall (${video.file})`,
      'video export time / video length (goal <= 2)': (video.ms / 10_000).toFixed(2),
      'longest main-thread task during the export (goal < 50 ms)': video.long,
    };
  });
}
