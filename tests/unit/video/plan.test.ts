import { describe, expect, it } from 'vitest';
import { recoveryPoint, startingPoint, storyRange } from '../../../src/playback/storyRange';
import { captionAt, defaultVideoOptions, frameScene, frameSource, frameTime, planVideo } from '../../../src/video/plan';
import { threeTier } from '../../helpers/builders';
import { HANG_FROM, HANG_TO, hangRun } from '../../helpers/runs';

const run = hangRun();

describe('the story range', () => {
  it('runs from two seconds before the first fault to two seconds after everything recovered', () => {
    const recovered = recoveryPoint(run)!;
    expect(recovered).toBeGreaterThan(HANG_TO);
    const lastRecovery = run.events.filter((e) => e.type === 'recovered' || e.type === 'slo-recovered').at(-1)!.t;
    expect(recovered).toBe(lastRecovery);
    expect(storyRange(run)).toEqual({ from: HANG_FROM - 2_000, to: recovered + 2_000 });
    expect(startingPoint(run)).toBe(HANG_FROM - 2_000);
  });

  it('covers the whole run without a fault, and to the end when nothing came back', () => {
    expect(storyRange({ ...run, faults: [] })).toEqual({ from: 0, to: run.durationMs });
    const neverBack = { ...run, events: run.events.filter((e) => e.t < HANG_TO) };
    expect(storyRange(neverBack)).toEqual({ from: HANG_FROM - 2_000, to: run.durationMs });
  });
});

describe('planVideo', () => {
  it('counts frames from the range, the speed and the format, and times each frame in run time', () => {
    const plan = planVideo(run, { from: 8_000, to: 18_000, speed: 1, size: '720p', format: 'webm', area: null });
    expect([plan.frames, plan.fps, plan.duration, plan.width, plan.height]).toEqual([300, 30, 10, 1280, 720]);
    expect(frameTime(plan, 60)).toBe(10_000);
    const fast = planVideo(run, { from: 0, to: 60_000, speed: 4, size: '1080p', format: 'gif', area: null });
    expect([fast.frames, fast.fps, fast.duration, fast.width]).toEqual([150, 10, 15, 1920]);
    expect(frameTime(fast, 10)).toBe(4_000);
  });

  it('refuses an empty range and keeps a range inside the run', () => {
    expect(() => planVideo(run, { from: 5_000, to: 5_000, speed: 1, size: '720p', format: 'webm', area: null })).toThrow(/time range is empty/);
    expect(planVideo(run, { from: -5, to: 99_000, speed: 1, size: '720p', format: 'mp4', area: null }).options).toMatchObject({ from: 0, to: 60_000 });
  });

  it('starts from the incident at 1× in 720p WebM', () => {
    expect(defaultVideoOptions(run)).toEqual({ ...storyRange(run), speed: 1, size: '720p', format: 'webm', area: null });
  });

  it('captions a frame with the clock and the timeline line in force', () => {
    expect(captionAt(run, 5_000)).toEqual({ time: '5.0 s', line: run.scenarioName });
    expect(captionAt(run, HANG_FROM + 50)).toEqual({ time: '10.1 s', line: '10.0 s  Orders DB is down' });
  });

  it('draws a frame as the scene of its moment, at the video size, caption included', () => {
    const plan = planVideo(run, { from: 8_000, to: 18_000, speed: 1, size: '720p', format: 'webm', area: null });
    const scene = frameScene(frameSource(threeTier().diagram, run, plan), plan, 240);
    expect([scene.width, scene.height]).toEqual([1280, 720]);
    const texts = [...scene.items, ...scene.overlay].flatMap((i) => (i.type === 'text' ? [i.text] : []));
    expect(texts).toEqual(expect.arrayContaining(['16.0 s', 'Hang', 'DOWN']));
  });
});
