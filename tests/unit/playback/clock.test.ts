import { describe, expect, it } from 'vitest';
import { advance, clampTime, nextMoment, previousMoment } from '../../../src/playback/clock';
import { buildRunIndex } from '../../../src/playback/runIndex';
import { hangRun, HANG_FROM, HANG_TO } from '../../helpers/runs';

describe('the replay clock', () => {
  it('moves run time by wall time times the speed', () => {
    expect(advance(1_000, 16, 1, 60_000, false)).toEqual({ t: 1_016, ended: false });
    expect(advance(1_000, 16, 16, 60_000, false)).toEqual({ t: 1_256, ended: false });
    expect(advance(1_000, 100, 0.25, 60_000, false)).toEqual({ t: 1_025, ended: false });
  });

  it('stops at the end, or wraps around when looping', () => {
    expect(advance(59_990, 100, 1, 60_000, false)).toEqual({ t: 60_000, ended: true });
    expect(advance(59_990, 100, 1, 60_000, true)).toEqual({ t: 90, ended: false });
  });

  it('jumps between the moments of the incident story', () => {
    const index = buildRunIndex(hangRun());
    expect(index.moments[0]).toBe(HANG_FROM);
    expect(index.moments).toContain(HANG_TO);
    expect(nextMoment(index.moments, 0)).toBe(HANG_FROM);
    expect(nextMoment(index.moments, HANG_FROM)).toBeGreaterThan(HANG_FROM);
    expect(previousMoment(index.moments, HANG_FROM)).toBeNull();
    expect(previousMoment(index.moments, HANG_TO + 1_000)).toBe(HANG_TO);
    expect(nextMoment(index.moments, 60_000)).toBeNull();
  });

  it('clamps a typed time into the run', () => {
    expect(clampTime(-3, 60_000)).toBe(0);
    expect(clampTime(70_000, 60_000)).toBe(60_000);
    expect(clampTime(Number.NaN, 60_000)).toBe(0);
  });
});
