// Ctrl/Cmd+K: every command by name, filtered as you type, run with Enter.
import { useMemo, useState } from 'react';
import { displayShortcut } from '../editor/commands/shortcut';
import { useEditor, useUi } from '../react/editorContext';
import { Modal } from './primitives/Modal';

export function CommandPalette() {
  const editor = useEditor();
  const open = useUi((s) => s.commandPaletteOpen);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => {
    if (!open) return [];
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return editor.commands
      .all()
      .filter(
        (c) =>
          editor.commands.isAvailable(c, editor) && words.every((w) => `${c.menu ?? ''} ${c.label} ${c.keywords?.join(' ') ?? ''}`.toLowerCase().includes(w)),
      );
  }, [editor, open, query]);
  const close = () => {
    editor.ui.getState().toggle('commandPaletteOpen', false);
    setQuery('');
    setActive(0);
  };
  const run = (index: number) => {
    const command = results[index];
    close();
    if (command) void command.run(editor);
  };
  return (
    <Modal open={open} title="Command palette" hideTitle className="fl-command-palette" onClose={close}>
      <input
        autoFocus
        className="fl-search"
        placeholder="Type a command…"
        aria-label="Command"
        role="combobox"
        aria-expanded="true"
        aria-controls="fl-command-list"
        aria-activedescendant={results[active] ? `fl-cmd-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(results.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(active);
          }
        }}
      />
      <div id="fl-command-list" role="listbox" aria-label="Commands" className="fl-command-list">
        {results.length === 0 ? <p className="fl-muted">No command matches.</p> : null}
        {results.map((c, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: options of a combobox are chosen with the input's arrow keys (aria-activedescendant), not focused
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox's input (aria-activedescendant)
          <div
            key={c.id}
            id={`fl-cmd-${i}`}
            role="option"
            aria-selected={i === active}
            className="fl-command"
            onMouseEnter={() => setActive(i)}
            onClick={() => run(i)}
          >
            <span>
              {c.menu ? <span className="fl-muted">{c.menu}: </span> : null}
              {c.label}
            </span>
            {c.shortcuts?.[0] ? <kbd>{displayShortcut(c.shortcuts[0], editor.commands.mac)}</kbd> : null}
          </div>
        ))}
      </div>
    </Modal>
  );
}
