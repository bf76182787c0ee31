import { describe, expect, it } from 'vitest';
import { createPlaybackStore } from '../../../src/editor/playbackStore';
import { STEP_MS } from '../../../src/playback/flows';
import { hangRun, HANG_FROM } from '../../helpers/runs';

describe('the playback store', () => {
  const run = hangRun();

  it('opens a run paused with the frame for the playhead, and plays at its speed', () => {
    const store = createPlaybackStore();
    store.getState().open(run, 'r1', 20_000);
    expect(store.getState()).toMatchObject({ runId: 'r1', t: 20_000, playing: false });
    expect(store.getState().frame!.nodes.get('db')!.health).toBe('down');
    store.getState().setSpeed(8);
    store.getState().play();
    store.getState().tick(1_000);
    expect(store.getState().t).toBe(28_000);
  });

  it('stops at the end, and plays from the start when asked again', () => {
    const store = createPlaybackStore();
    store.getState().open(run, null, 59_000);
    store.getState().play();
    store.getState().tick(2_000);
    expect(store.getState()).toMatchObject({ t: 60_000, playing: false });
    store.getState().play();
    expect(store.getState().t).toBe(0);
  });

  it('jumps to the next and previous moments of the story', () => {
    const store = createPlaybackStore();
    store.getState().open(run, null);
    expect(store.getState().jump(1)).toBe(true);
    expect(store.getState().t).toBe(HANG_FROM);
    expect(store.getState().jump(-1)).toBe(false);
    expect(store.getState().t).toBe(HANG_FROM);
  });

  it('counts simulations as they start', () => {
    const store = createPlaybackStore();
    store.getState().setStatus({ kind: 'running', scenario: 'Hang', progress: 0, cancel: () => undefined });
    store.getState().setStatus({ kind: 'running', scenario: 'Hang', progress: 0.5, cancel: () => undefined });
    store.getState().setStatus({ kind: 'idle' });
    expect(store.getState().simulations).toBe(1);
  });

  it('steps through a request flow message by message and stops at its last', () => {
    const store = createPlaybackStore();
    store.getState().openFlow('w1', 3);
    store.getState().setFlowPlaying(true);
    store.getState().tick(STEP_MS);
    expect(store.getState().flow).toMatchObject({ step: 1, playing: true });
    store.getState().tick(STEP_MS);
    store.getState().tick(STEP_MS);
    expect(store.getState().flow).toMatchObject({ step: 2, playing: false });
    store.getState().stepFlow(9);
    expect(store.getState().flow!.step).toBe(2);
    store.getState().setFlowPlaying(true);
    expect(store.getState().flow!.step).toBe(0);
  });
});
