// A modal dialog on the platform's own <dialog>: focus trapping, Escape and the top layer come
// from the browser (Radix's dialog and menus cost 33.5 KB gzip of initial JS; see docs/decisions.md).
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  /** Hide the visible title (it still names the dialog for assistive technology). */
  hideTitle?: boolean;
  className?: string;
  onClose(): void;
  children: ReactNode;
}

export function Modal({ open, title, hideTitle, className, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes through onCancel; a click on the backdrop is the pointer's way out
    <dialog
      ref={ref}
      className={`fl-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      {open ? (
        <div className="fl-dialog-body">
          <h2 id={titleId} className={hideTitle ? 'fl-sr-only' : 'fl-dialog-title'}>
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
