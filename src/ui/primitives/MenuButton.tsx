// A menu button following the WAI-ARIA menu pattern: arrow keys, Home/End, Enter, Escape and
// type-ahead-free roving focus; closes on outside click. Small enough to own (see Modal.tsx).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface MenuEntry {
  id: string;
  label: string;
  hint?: ReactNode;
  disabled?: boolean;
  run(): void;
}

interface Props {
  label: string;
  className?: string;
  /** Entries are read when the menu opens, so availability is current. */
  entries(): MenuEntry[];
  /** Moves to the neighbouring menu in a menu bar. */
  onNeighbour?(step: 1 | -1): void;
  openSignal?: number;
}

export function MenuButton({ label, className, entries, onNeighbour, openSignal }: Props) {
  const [items, setItems] = useState<MenuEntry[] | null>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const open = items !== null;

  const show = () => setItems(entries());
  const hide = (refocus = true) => {
    setItems(null);
    if (refocus) button.current?.focus();
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens the menu when the signal changes, not when show is re-created by a render
  useEffect(() => {
    if (openSignal) {
      show();
      button.current?.focus();
    }
  }, [openSignal]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: binds the outside-click listener once per opening
  useEffect(() => {
    if (!open) return;
    const first = menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])');
    first?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) hide(false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [open]);

  const focusable = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
  const move = (step: number | 'first' | 'last') => {
    const list = focusable();
    if (list.length === 0) return;
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next = step === 'first' ? 0 : step === 'last' ? list.length - 1 : (at + step + list.length) % list.length;
    list[next].focus();
  };
  const activate = (item: MenuEntry) => {
    if (item.disabled) return;
    hide();
    item.run();
  };

  return (
    <div className="fl-menu-wrap">
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-state={open ? 'open' : 'closed'}
        onClick={() => (open ? hide() : show())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            show();
          } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
            onNeighbour?.(e.key === 'ArrowRight' ? 1 : -1);
          }
        }}
      >
        {label}
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          className="fl-menu"
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'ArrowDown') move(1);
            else if (e.key === 'ArrowUp') move(-1);
            else if (e.key === 'Home') move('first');
            else if (e.key === 'End') move('last');
            else if (e.key === 'Escape' || e.key === 'Tab') hide(e.key === 'Escape');
            else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
              hide(false);
              onNeighbour?.(e.key === 'ArrowRight' ? 1 : -1);
            } else return;
            e.preventDefault();
          }}
        >
          {items.map((item) => (
            <div
              key={item.id}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={item.disabled || undefined}
              className="fl-menu-item"
              onClick={() => activate(item)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  e.stopPropagation();
                  activate(item);
                }
              }}
            >
              <span>{item.label}</span>
              {item.hint ? <kbd>{item.hint}</kbd> : null}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
