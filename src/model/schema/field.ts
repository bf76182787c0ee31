// A field of a record, declared once: its type, range, unit, default and label. Valibot checks a
// value against it with the message a person sees, and that one check is what the inspector, every
// restore path (files, links, clipboard, IndexedDB, live-session peers), the engine's input checks
// and the template parser call.
import * as v from 'valibot';

interface FieldBase<K extends string> {
  key: K;
  label: string;
  /** A short hint beside the input. */
  help?: string;
  /** What the field means, for docs/formats.md (generated from here). */
  doc?: string;
}

export interface NumberField<K extends string = string> extends FieldBase<K> {
  type: 'number';
  unit: string;
  min: number;
  max: number;
  integer?: boolean;
  /** Shown as value * scale (fractions as percentages, milliseconds as seconds). */
  scale?: number;
  default?: number;
}

export interface ChoiceField<K extends string = string> extends FieldBase<K> {
  type: 'choice';
  options: readonly { value: string; label: string }[];
  default?: string;
}

export interface FlagField<K extends string = string> extends FieldBase<K> {
  type: 'flag';
  default?: boolean;
}

export type Field<K extends string = string> = NumberField<K> | ChoiceField<K> | FlagField<K>;
export type FieldValue = number | string | boolean;

const schemas = new WeakMap<Field, v.GenericSchema>();

/** The unit as people read it after a number ("" for plain counts). */
function unitText(field: NumberField): string {
  return field.unit === 'count' ? '' : ` ${field.unit}`;
}

function shown(field: NumberField, value: number): string {
  return (value * (field.scale ?? 1)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** The field's rule as a valibot schema, with its messages (built once per field). */
export function fieldSchema(field: Field): v.GenericSchema {
  const known = schemas.get(field);
  if (known) return known;
  let schema: v.GenericSchema;
  switch (field.type) {
    case 'number': {
      const steps = [
        v.finite(`${field.label} must be a number`),
        v.minValue(field.min, `${field.label} must be at least ${shown(field, field.min)}${unitText(field)}`),
        v.maxValue(field.max, `${field.label} must be at most ${shown(field, field.max)}${unitText(field)}`),
        ...(field.integer ? [v.integer(`${field.label} must be a whole number`)] : []),
      ];
      schema = v.pipe(v.number(`${field.label} must be a number`), ...(steps as [ReturnType<typeof v.finite>]));
      break;
    }
    case 'choice':
      schema = v.picklist(
        field.options.map((o) => o.value),
        `${field.label} must be one of ${field.options.map((o) => o.value).join(', ')}`,
      );
      break;
    case 'flag':
      schema = v.boolean(`${field.label} must be true or false`);
      break;
  }
  schemas.set(field, schema);
  return schema;
}

/** Checks one value against its field; returns the message a person sees, or null. */
export function fieldError(field: Field, value: unknown): string | null {
  const result = v.safeParse(fieldSchema(field), value, { abortPipeEarly: true });
  return result.success ? null : result.issues[0].message;
}

/** "0 to 1,000 ×", "constant, ramp": the range as docs and help texts state it. */
export function describeRange(field: Field): string {
  if (field.type === 'number') return `${shown(field, field.min)} to ${shown(field, field.max)}${unitText(field)}`;
  if (field.type === 'choice') return field.options.map((o) => o.value).join(', ');
  return 'true or false';
}

export function findField<F extends Field>(fields: readonly F[], key: string): F | undefined {
  return fields.find((f) => f.key === key);
}

/** The declared defaults of a list of fields, as a record. */
export function defaultsOf<T>(fields: readonly Field[]): T {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) if (f.default !== undefined) out[f.key] = f.default;
  return out as T;
}
