// The menu bar, generated from the command registry.
import { useState } from 'react';
import type { Editor } from '../editor/Editor';
import type { Command, MenuName } from '../editor/commands/registry';
import { displayShortcut } from '../editor/commands/shortcut';
import { useEditor } from '../react/editorContext';
import { type MenuEntry, MenuButton } from './primitives/MenuButton';

/** A command as a menu entry: its label, its first shortcut, and whether it can run now. */
export function commandEntry(editor: Editor, c: Command): MenuEntry {
  return {
    id: c.id,
    label: c.label,
    hint: c.shortcuts?.[0] ? displayShortcut(c.shortcuts[0], editor.commands.mac) : undefined,
    disabled: !editor.commands.isAvailable(c, editor),
    run: () => void c.run(editor),
  };
}

const MENUS: MenuName[] = ['File', 'Edit', 'View', 'Arrange', 'Insert', 'Simulate', 'Live', 'Interview', 'Help'];

export function Menus() {
  const editor = useEditor();
  const commands = editor.commands;
  const [signal, setSignal] = useState<{ menu: MenuName; n: number } | null>(null);
  const present = MENUS.filter((m) => commands.all().some((c) => c.menu === m));
  return (
    <nav className="fl-menubar" aria-label="Main menu">
      {present.map((name, i) => (
        <MenuButton
          key={name}
          label={name}
          className="fl-menu-trigger"
          openSignal={signal?.menu === name ? signal.n : undefined}
          onNeighbour={(step) => setSignal({ menu: present[(i + step + present.length) % present.length], n: Date.now() })}
          entries={() =>
            commands
              .all()
              .filter((c) => c.menu === name)
              .map((c) => commandEntry(editor, c))
          }
        />
      ))}
    </nav>
  );
}
