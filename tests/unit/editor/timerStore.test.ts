import { describe, expect, it } from 'vitest';
import { createTimerStore, elapsed } from '../../../src/editor/timerStore';
import { formatClock, INTERVIEW_PHASES, timerView } from '../../../src/templates/timer';

describe('the interview timer', () => {
  it('has the bank phases: 5, 10, 15, 25 and 5 minutes', () => {
    expect(INTERVIEW_PHASES.map((p) => p.minutes)).toEqual([5, 10, 15, 25, 5]);
  });

  it('places elapsed time in its phase with the time left in it', () => {
    expect(timerView(0)).toEqual({ phase: 0, phaseLeftMs: 300_000, totalMs: 3_600_000, overMs: 0 });
    expect(timerView(4 * 60_000 + 59_000).phase).toBe(0);
    expect(timerView(5 * 60_000)).toMatchObject({ phase: 1, phaseLeftMs: 600_000 });
    expect(timerView(31 * 60_000)).toMatchObject({ phase: 3, phaseLeftMs: 24 * 60_000 });
    expect(timerView(61 * 60_000)).toMatchObject({ phase: 4, phaseLeftMs: 0, overMs: 60_000 });
  });

  it('shows minutes and seconds, rounding up', () => {
    expect(formatClock(300_000)).toBe('5:00');
    expect(formatClock(61_500)).toBe('1:02');
    expect(formatClock(-5)).toBe('0:00');
  });
});

describe('the interview clock', () => {
  it('counts while running, holds while paused, and resets to zero', () => {
    const clock = createTimerStore();
    clock.getState().start(1_000);
    expect(elapsed(clock.getState(), 61_000)).toBe(60_000);
    clock.getState().pause(91_000);
    expect(elapsed(clock.getState(), 500_000)).toBe(90_000);
    clock.getState().start(600_000);
    clock.getState().start(700_000);
    expect(elapsed(clock.getState(), 610_000)).toBe(100_000);
    clock.getState().reset();
    expect(elapsed(clock.getState(), 999_999)).toBe(0);
  });
});
