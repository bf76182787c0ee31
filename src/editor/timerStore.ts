// The interview clock: started, paused and reset by the person; it never enters the document.
import { createStore } from 'zustand/vanilla';

export interface TimerState {
  /** Wall time the clock last started at, or null while paused. */
  startedAt: number | null;
  /** Time counted before the last start. */
  banked: number;
  start(now?: number): void;
  pause(now?: number): void;
  reset(): void;
}

export function elapsed(s: Pick<TimerState, 'startedAt' | 'banked'>, now = Date.now()): number {
  return s.banked + (s.startedAt === null ? 0 : now - s.startedAt);
}

export function createTimerStore() {
  return createStore<TimerState>()((set, get) => ({
    startedAt: null,
    banked: 0,
    start(now = Date.now()) {
      if (get().startedAt === null) set({ startedAt: now });
    },
    pause(now = Date.now()) {
      const s = get();
      if (s.startedAt !== null) set({ startedAt: null, banked: elapsed(s, now) });
    },
    reset() {
      set({ startedAt: null, banked: 0 });
    },
  }));
}

export type TimerStore = ReturnType<typeof createTimerStore>;
