// The one routine that takes field values from untrusted input. A value that passes its field is
// kept; one that does not is left out (the field's default applies) and reported with the field's
// own message; keys that are no field are left out and reported. Nothing is changed silently, and
// every path (files, share links, clipboard, IndexedDB, Mermaid comments, live-session peers,
// the CLI) takes values through here, so all of them keep or refuse a value alike.
import { type Field, fieldError } from './field';

export interface RestoreReport {
  /** Records and values left out or repaired. */
  dropped: number;
  /** What was left out or repaired and why, for people (capped). */
  messages: string[];
}

const MESSAGE_LIMIT = 50;

export function newReport(): RestoreReport {
  return { dropped: 0, messages: [] };
}

export function drop(report: RestoreReport, message: string): void {
  report.dropped++;
  if (report.messages.length < MESSAGE_LIMIT) report.messages.push(message);
}

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key's value only if the object itself has it (never one inherited from a prototype). */
export function own(raw: Raw, key: string): unknown {
  return Object.hasOwn(raw, key) ? raw[key] : undefined;
}

/** Sets a key as an own data property, so even "__proto__" reaches no prototype. */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Why a value is refused, in the words every path reports: "<where>: <field's message> (got 5000; left out)". */
export function refusalText(where: string, error: string, value: unknown): string {
  return `${where}: ${error} (got ${describe(value)}; left out)`;
}

/**
 * The fields of `raw` that are valid values of `fields`; everything else is reported.
 * `only` limits which keys count as known (a fault type's own parameters, say).
 */
export function takeFields<T>(raw: unknown, fields: readonly Field[], where: string, report: RestoreReport): Partial<T> {
  const result: Raw = {};
  if (raw === undefined) return result as Partial<T>;
  if (!isRecord(raw)) {
    drop(report, `${where}: settings must be an object (left out)`);
    return result as Partial<T>;
  }
  for (const key of Object.keys(raw)) {
    const field = fields.find((f) => f.key === key);
    const value = raw[key];
    if (!field) {
      drop(report, `${where}: unknown setting "${key.slice(0, 40)}" (left out)`);
      continue;
    }
    const error = fieldError(field, value);
    if (error === null) defineOwn(result, key, value);
    else drop(report, refusalText(where, error, value));
  }
  return result as Partial<T>;
}

/** One value: kept when valid, otherwise reported and undefined. */
export function takeValue(field: Field, value: unknown, where: string, report: RestoreReport): unknown {
  if (value === undefined) return undefined;
  const error = fieldError(field, value);
  if (error === null) return value;
  drop(report, refusalText(where, error, value));
  return undefined;
}
