// UI state with rules of its own: the side panel's width range, and questions asked one at a time.
import { describe, expect, it } from 'vitest';
import { createUiStore, SIDE_PANEL } from '../../../src/editor/uiStore';

describe('the UI store', () => {
  it('keeps the side panel within its range', () => {
    const ui = createUiStore();
    expect(ui.getState().sidePanelWidth).toBe(SIDE_PANEL.width);
    ui.getState().setSidePanelWidth(10_000);
    expect(ui.getState().sidePanelWidth).toBe(SIDE_PANEL.max);
    ui.getState().setSidePanelWidth(12.6);
    expect(ui.getState().sidePanelWidth).toBe(SIDE_PANEL.min);
    ui.getState().setSidePanelWidth(Number.NaN);
    expect(ui.getState().sidePanelWidth).toBe(SIDE_PANEL.min);
  });

  it('asks one question at a time, and takes only an answer that was offered', async () => {
    const ui = createUiStore();
    const options = [
      { id: 'keep-both', label: 'Keep both' },
      { id: 'cancel', label: 'Cancel' },
    ];
    const first = ui.getState().ask({ title: 'First', message: '', options });
    const second = ui.getState().ask({ title: 'Second', message: '', options });
    await Promise.resolve();
    expect(ui.getState().choice?.title).toBe('First');
    ui.getState().answer('replace');
    expect(await first).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(ui.getState().choice?.title).toBe('Second');
    ui.getState().answer('keep-both');
    expect(await second).toBe('keep-both');
    expect(ui.getState().choice).toBeNull();
  });

  it('folds the inspector for a side panel and gives it back, without touching the person’s own choice', () => {
    const ui = createUiStore();
    ui.getState().makeRoomForSidePanel(true);
    expect(ui.getState()).toMatchObject({ inspectorOpen: true, inspectorMakingRoom: true });
    ui.getState().makeRoomForSidePanel(false);
    expect(ui.getState()).toMatchObject({ inspectorOpen: true, inspectorMakingRoom: false });
    // Folded by the person, it stays folded whatever the panels do.
    ui.getState().toggleInspector();
    ui.getState().makeRoomForSidePanel(true);
    ui.getState().makeRoomForSidePanel(false);
    expect(ui.getState()).toMatchObject({ inspectorOpen: false, inspectorMakingRoom: false });
  });
});
