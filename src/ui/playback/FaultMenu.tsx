// The right-click menu of a node, a group or a connection: every fault it can have, and its
// charts. Arrow keys move, Enter picks, Escape or a click elsewhere closes.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { faultTargetName, faultTypesFor } from '../../model';
import type { ContextMenu } from '../../editor/uiStore';
import { useEditor } from '../../react/editorContext';

export function FaultMenu({ menu }: { menu: ContextMenu }) {
  const editor = useEditor();
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => editor.ui.getState().openContextMenu(null), [editor]);
  const [at, setAt] = useState({ x: menu.x, y: menu.y });
  const d = editor.doc.getState().diagram;
  const node = menu.target.type === 'node' ? d.nodes.find((n) => n.id === menu.target.id) : undefined;
  const types = faultTypesFor(menu.target.type === 'edge' ? 'edge' : (node?.kind ?? 'note'));
  const name = faultTargetName(d, menu.target);

  useLayoutEffect(() => {
    // Keep the whole menu on screen.
    const r = ref.current!.getBoundingClientRect();
    setAt({ x: Math.min(menu.x, innerWidth - r.width - 8), y: Math.min(menu.y, innerHeight - r.height - 8) });
    ref.current!.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [menu]);

  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [close]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...ref.current!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') close();
  };

  const pick = (run: () => void) => () => {
    close();
    run();
  };

  return (
    <div ref={ref} className="fl-context-menu" role="menu" aria-label={`Inject fault on ${name}`} style={{ left: at.x, top: at.y }} onKeyDown={onKeyDown}>
      <div className="fl-context-title" role="presentation">
        Inject fault on <strong>{name}</strong>
      </div>
      {types.map((t) => (
        <button key={t.type} type="button" role="menuitem" className="fl-context-item" onClick={pick(() => editor.runs.injectFault(t.type, menu.target))}>
          <span>{t.label}</span>
          <span className="fl-muted">{t.description}</span>
        </button>
      ))}
      {types.length === 0 ? <p className="fl-muted fl-context-empty">Nothing to break here: it carries no traffic.</p> : null}
      <hr />
      <button type="button" role="menuitem" className="fl-context-item" onClick={pick(() => editor.ui.getState().showDock('charts'))}>
        <span>Show charts</span>
      </button>
    </div>
  );
}
