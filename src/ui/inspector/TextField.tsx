// A text detail (label, notes) committed on Enter or blur, as one undo step.
import { useEffect, useId, useState } from 'react';

interface Props {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  onCommit(value: string): void;
}

export function TextField({ label, value, multiline, placeholder, onCommit }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    onChange: (e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
        e.preventDefault();
        commit();
      }
      if (e.key === 'Escape') setDraft(value);
    },
  };
  return (
    <div className="fl-field fl-field-text">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </div>
  );
}
