// The label editor shown in place of a node's or a connection's label after a double-click (or F2).
import { useEffect, useRef } from 'react';
import { useEditor } from '../../react/editorContext';

export function InlineRename({ id, label, multiline = false, edge = false }: { id: string; label: string; multiline?: boolean; edge?: boolean }) {
  const editor = useEditor();
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    const value = ref.current?.value ?? label;
    editor.ui.getState().setRenaming(null);
    if (commit && value !== label) editor.report(edge ? editor.actions.updateEdge(id, { label: value }) : editor.actions.rename(id, value));
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') finish(false);
    if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
      e.preventDefault();
      finish(true);
    }
  };
  const common = {
    ref,
    defaultValue: label,
    'aria-label': edge ? 'Connection label' : 'Label',
    className: 'fl-rename nodrag nopan',
    onKeyDown,
    onBlur: () => finish(true),
  };
  return multiline ? <textarea {...common} rows={3} /> : <input {...common} />;
}
