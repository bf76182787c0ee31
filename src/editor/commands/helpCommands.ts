// The Help menu: the keyboard-shortcut sheet (made from this registry, so it lists every
// shortcut there is) and the replay's legend.
import type { Command } from './registry';

export const HELP_COMMANDS: readonly Command[] = [
  {
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    menu: 'Help',
    shortcuts: ['Shift+?', 'F1'],
    keywords: ['help', 'shortcut', 'keyboard', 'keys', 'hotkeys'],
    run: (e) => e.ui.getState().showHelp('shortcuts'),
  },
  {
    id: 'help.legend',
    label: 'Replay legend: colours, badges, particles',
    menu: 'Help',
    keywords: ['help', 'legend', 'colour', 'color', 'health', 'key'],
    run: (e) => e.ui.getState().showHelp('legend'),
  },
];
