// Edits run inside immer's produce. Reading a large array through the draft drafts every element
// it touches; hot paths read the untouched original instead and draft only what they change.
import { isDraft, original } from 'immer';

export function readable<T extends object>(value: T): T {
  return isDraft(value) ? (original(value as never) as T) : value;
}
