// Commands are data: one registry drives the menus, the toolbar, the keyboard shortcuts, the
// command palette and the shortcut sheet. A command receives the Editor; when several available
// commands claim a key, the one with the highest priority takes it, and two at the same priority
// are a conflict (the shortcut test enumerates editor states and fails on any).
import type { Editor } from '../Editor';
import { type KeyLike, matches } from './shortcut';

export type MenuName = 'File' | 'Edit' | 'View' | 'Arrange' | 'Insert' | 'Simulate' | 'Live' | 'Interview' | 'Help';

export interface Command {
  id: string;
  label: string;
  menu?: MenuName;
  /** Offered on the empty canvas's getting-started card. */
  start?: boolean;
  /** First is shown; all are matched. */
  shortcuts?: readonly string[];
  /** Which command takes a key several available ones claim (higher wins; default 0). */
  priority?: number;
  /** Handled by the browser's own copy/cut/paste events, so the key handler leaves it alone. */
  nativeShortcut?: boolean;
  /** Words the command palette also finds it by. */
  keywords?: readonly string[];
  when?(editor: Editor): boolean;
  run(editor: Editor): void | Promise<void>;
}

export interface ShortcutConflict {
  shortcut: string;
  commands: string[];
}

export class CommandRegistry {
  private readonly commands: Command[] = [];

  constructor(readonly mac: boolean) {}

  /** Adds commands; one with the id of an existing command replaces it. */
  register(more: readonly Command[]): void {
    for (const c of more) {
      const at = this.commands.findIndex((x) => x.id === c.id);
      if (at >= 0) this.commands[at] = c;
      else this.commands.push(c);
    }
  }

  all(): readonly Command[] {
    return this.commands;
  }

  get(id: string): Command | undefined {
    return this.commands.find((c) => c.id === id);
  }

  isAvailable(c: Command, editor: Editor): boolean {
    return c.when ? c.when(editor) : true;
  }

  /** The available command a key event presses, by priority; null when none. */
  forKey(e: KeyLike, editor: Editor): Command | null {
    let best: Command | null = null;
    for (const c of this.commands) {
      if (c.nativeShortcut || !c.shortcuts?.some((s) => matches(s, e, this.mac)) || !this.isAvailable(c, editor)) continue;
      if (!best || (c.priority ?? 0) > (best.priority ?? 0)) best = c;
    }
    return best;
  }

  /** Available commands that claim the same key at the same top priority, in this state. */
  conflicts(editor: Editor): ShortcutConflict[] {
    const byKey = new Map<string, Command[]>();
    for (const c of this.commands) {
      if (c.nativeShortcut || !this.isAvailable(c, editor)) continue;
      for (const s of c.shortcuts ?? []) byKey.set(s, [...(byKey.get(s) ?? []), c]);
    }
    const found: ShortcutConflict[] = [];
    for (const [shortcut, list] of byKey) {
      const top = Math.max(...list.map((c) => c.priority ?? 0));
      const tied = list.filter((c) => (c.priority ?? 0) === top);
      if (tied.length > 1) found.push({ shortcut, commands: tied.map((c) => c.id) });
    }
    return found;
  }

  /** Runs a command by id if it is available; false when it is not. */
  run(id: string, editor: Editor): boolean {
    const c = this.get(id);
    if (!c || !this.isAvailable(c, editor)) return false;
    void c.run(editor);
    return true;
  }
}
