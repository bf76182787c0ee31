// One property field from the catalog's descriptors: number with unit, choice or flag. A value
// is committed on Enter or blur; a refusal is shown under the field and nothing is stored.
import { useEffect, useId, useState } from 'react';
import type { Field, FieldValue } from '../../model';

interface Props<K extends string> {
  field: Field<K>;
  value: FieldValue;
  overridden: boolean;
  /** Returns the refusal message, or null when the value was stored. */
  onCommit(value: FieldValue | undefined): string | null;
}

function format(value: FieldValue, scale = 1): string {
  if (typeof value !== 'number') return String(value);
  return String(Math.round(value * scale * 1e6) / 1e6);
}

export function FieldInput<K extends string>({ field, value, overridden, onCommit }: Props<K>) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const scale = field.type === 'number' ? (field.scale ?? 1) : 1;
  const [draft, setDraft] = useState(format(value, scale));
  useEffect(() => {
    setDraft(format(value, scale));
    setError(null);
  }, [value, scale]);

  const commit = (next: FieldValue | undefined) => setError(onCommit(next));
  const commitDraft = () => {
    if (draft === format(value, scale)) return;
    const trimmed = draft.trim();
    const parsed = trimmed === '' ? NaN : Number(trimmed);
    if (Number.isNaN(parsed)) {
      setError(`${field.label} must be a number`);
      return;
    }
    commit(parsed / scale);
  };

  let control: React.ReactNode;
  if (field.type === 'number') {
    control = (
      <span className="fl-number">
        <input
          id={id}
          inputMode="decimal"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commitDraft}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitDraft();
            if (e.key === 'Escape') setDraft(format(value, scale));
          }}
        />
        <span className="fl-unit">{field.unit}</span>
      </span>
    );
  } else if (field.type === 'choice') {
    control = (
      <select id={id} value={String(value)} onChange={(e) => commit(e.target.value)}>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => commit(e.target.checked)} />;
  }

  return (
    <div className={`fl-field fl-field-${field.type}`} data-overridden={overridden || undefined}>
      <label htmlFor={id} title={field.help}>
        {field.label}
      </label>
      {control}
      {overridden ? (
        <button type="button" className="fl-reset" onClick={() => commit(undefined)} aria-label={`Reset ${field.label} to default`} title="Reset to default">
          ↺
        </button>
      ) : null}
      {error ? (
        <p className="fl-field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
