// Telling the story of a run outside the app: a replay as WebM, MP4 and GIF files whose frames
// are the replay's own pictures, and a postmortem whose figures are the run's.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { node } from '../helpers/canvas';
import { openApp, screenshotPath } from '../helpers/e2e';
import { importCheckout, injectFault, player, runAndWait } from '../helpers/replay';

async function brokenRun(page: Page) {
  await importCheckout(page);
  await injectFault(page, node(page, 'Orders DB'), 'Hang', 'Orders DB');
  await runAndWait(page);
}

async function fromRunMenu(page: Page, item: RegExp) {
  await player(page).getByRole('button', { name: 'Share run' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function saved(download: Download, name: string): Promise<Buffer> {
  const path = screenshotPath(name);
  await download.saveAs(path);
  return readFileSync(path);
}

/** Exports 8-18 s of the open run (10 s at 1×, 720p) in a format; returns the file. */
async function exportVideo(page: Page, format: 'WebM' | 'MP4' | 'GIF', range = { from: 8, to: 18 }): Promise<Buffer> {
  await fromRunMenu(page, /^Export replay as video/);
  const dialog = page.getByRole('dialog', { name: 'Export video' });
  await dialog.getByLabel('From (s)').fill(String(range.from));
  await dialog.getByLabel('To (s)').fill(String(range.to));
  await dialog.getByRole('radio', { name: format }).check();
  await page.screenshot({ path: screenshotPath(`video-dialog-${format}.png`) });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: `Export ${format}` }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
  return saved(download, `story.${format.toLowerCase()}`);
}

interface FrameCheck {
  duration: number;
  width: number;
  height: number;
  /** Share of pixels that differ clearly: the video at 2 s against the scene drawn for 2 s, and so on. */
  at2: number;
  at8: number;
  between: number;
}

/** Loads the file in a <video>, seeks to 2 s and 8 s and compares those frames with the exporter's scenes. */
function checkFrames(page: Page, file: Buffer, mime: string): Promise<FrameCheck> {
  return page.evaluate(
    async ({ b64, mime }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([bytes], { type: mime }));
      await new Promise((ok, fail) => {
        video.onloadeddata = ok;
        video.onerror = () => fail(new Error(`the video does not load: ${video.error?.message}`));
      });
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const frameAt = async (s: number) => {
        video.currentTime = s;
        await new Promise((ok) => (video.onseeked = ok));
        ctx.drawImage(video, 0, 0);
        return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const sceneAt = async (i: number) => {
        const debug = (window as unknown as { faultline: { videoFrame(o: unknown, i: number): Promise<string> } }).faultline;
        const img = new Image();
        img.src = await debug.videoFrame({ from: 8000, to: 18000, speed: 1, size: '720p', format: 'webm', area: null }, i);
        await img.decode();
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const differing = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
        let n = 0;
        for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 90) n++;
        return n / (a.length / 4);
      };
      // The middle of frames 60 and 240 (30 fps), so a seek cannot land on a neighbour.
      const v2 = await frameAt(2 + 1 / 60);
      const v8 = await frameAt(8 + 1 / 60);
      const s2 = await sceneAt(60);
      const s8 = await sceneAt(240);
      return {
        duration: video.duration,
        width: video.videoWidth,
        height: video.videoHeight,
        at2: differing(v2, s2),
        at8: differing(v8, s8),
        between: differing(v2, v8),
      };
    },
    { b64: file.toString('base64'), mime },
  );
}

describe('the story of a run', () => {
  it('exports 10 s of the replay as WebM and MP4: the right length and size, frames that are the replay at 2 s and 8 s', async () => {
    const { page } = await openApp({ path: '/?debug' });
    await brokenRun(page);
    for (const [format, mime] of [
      ['WebM', 'video/webm'],
      ['MP4', 'video/mp4'],
    ] as const) {
      const file = await exportVideo(page, format);
      const check = await checkFrames(page, file, mime);
      expect(Math.abs(check.duration - 10), `${format} duration ${check.duration}`).toBeLessThanOrEqual(0.2);
      expect([check.width, check.height]).toEqual([1280, 720]);
      // Each frame is the scene drawn for its moment, up to the codec's loss...
      expect(check.at2, `${format} at 2 s`).toBeLessThan(0.005);
      expect(check.at8, `${format} at 8 s`).toBeLessThan(0.005);
      // ...and the two moments differ: the hang has spread between them.
      expect(check.between, `${format} 2 s against 8 s`).toBeGreaterThan(5 * Math.max(check.at2, check.at8, 0.001));
    }
  });

  it('shows the progress of an export and cancels it, keeping the dialog and saving nothing', async () => {
    const { page } = await openApp({ path: '/?debug' });
    await brokenRun(page);
    await fromRunMenu(page, /^Export replay as video/);
    const dialog = page.getByRole('dialog', { name: 'Export video' });
    // The whole minute at a quarter speed in 1080p: four minutes of video, long enough to cancel.
    await dialog.getByLabel('From (s)').fill('0');
    await dialog.getByLabel('To (s)').fill('60');
    await dialog.getByLabel('Speed').selectOption('0.25');
    await dialog.getByRole('radio', { name: /^1080p/ }).check();
    await expect.poll(() => dialog.getByText(/^240\.0 s of video: 7200 frames at 30 fps, 1920 × 1080/).count()).toBe(1);
    let downloads = 0;
    page.on('download', () => downloads++);
    await dialog.getByRole('button', { name: 'Export WebM' }).click();
    const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
    // The worker starts and encodes its first 1080p frames before progress moves: on a shared
    // 2-core machine that has taken more than the default five seconds.
    await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByText('Export cancelled').count()).toBe(1);
    expect(await progress.count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Export WebM' }).isEnabled()).toBe(true);
    expect(downloads).toBe(0);
  });

  it('exports a GIF that decodes to the frames and size asked for', async () => {
    const { page } = await openApp({ path: '/?debug' });
    await brokenRun(page);
    const file = await exportVideo(page, 'GIF', { from: 10, to: 14 });
    expect(file.subarray(0, 6).toString()).toBe('GIF89a');
    const decoded = await page.evaluate(async (b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const decoder = new ImageDecoder({ data, type: 'image/gif' });
      await decoder.tracks.ready;
      await decoder.completed;
      const frame = await decoder.decode({ frameIndex: 0 });
      return { frames: decoder.tracks.selectedTrack!.frameCount, width: frame.image.displayWidth, height: frame.image.displayHeight };
    }, file.toString('base64'));
    // 4 s at 10 frames a second.
    expect(decoded).toEqual({ frames: 40, width: 1280, height: 720 });
  });

  it('writes a postmortem whose sections are all there and whose figures are the run summary', async () => {
    const { page } = await openApp({ path: '/?debug' });
    await brokenRun(page);
    const summary = await page.evaluate(() => {
      const run = (
        window as unknown as {
          faultline: {
            playback: { getState(): { run: { summary: { clients: { label: string; requests: number; failures: number; successRatio: number }[] } } } };
          };
        }
      ).faultline.playback.getState().run;
      return run.summary.clients[0];
    });
    await fromRunMenu(page, /^Write a postmortem/);
    const dialog = page.getByRole('dialog', { name: 'Postmortem' });
    await expect.poll(() => dialog.getByRole('region', { name: 'Summary' }).textContent()).toContain('Orders DB hangs from 10.0 s to 30.0 s');
    const [html] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download HTML page' }).click()]);
    const page2 = await page.context().newPage();
    await page2.setContent((await saved(html, 'postmortem.html')).toString('utf8'));
    const sections = await page2.getByRole('heading', { level: 2 }).allTextContents();
    expect(sections).toEqual(['Summary', 'Impact', 'The diagram at the worst moment', 'Timeline', 'Amplification', 'Charts', 'The fix', 'Action items']);
    const impact = page2.getByRole('table').first().getByRole('row').nth(1).getByRole('cell');
    const cells = await impact.allTextContents();
    expect(cells.slice(0, 4)).toEqual([
      summary.label,
      summary.requests.toLocaleString('en-US'),
      summary.failures.toLocaleString('en-US'),
      `${(summary.successRatio * 100).toFixed(1)}%`,
    ]);
    expect(await page2.getByRole('img', { name: /^The diagram at/ }).count()).toBe(1);
    expect(await page2.getByRole('img', { name: /faults shaded$/ }).count()).toBeGreaterThanOrEqual(2);
    await page2.screenshot({ path: screenshotPath('postmortem.png'), fullPage: true });
    await page2.close();

    const [zip] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download Markdown (.zip)' }).click()]);
    const files = unzipSync(new Uint8Array(await saved(zip, 'postmortem.zip')));
    const md = strFromU8(files[Object.keys(files).find((f) => f.endsWith('.md'))!]);
    expect(md).toContain(`| ${summary.label} | ${summary.requests.toLocaleString('en-US')} | ${summary.failures.toLocaleString('en-US')} |`);
    // Every figure the text points at is in the archive, as SVG.
    const linked = [...md.matchAll(/\]\((figures\/[^)]+)\)/g)].map((m) => decodeURI(m[1]));
    expect(linked.length).toBeGreaterThanOrEqual(3);
    for (const f of linked) expect(strFromU8(files[f]).startsWith('<svg')).toBe(true);
  });
});
