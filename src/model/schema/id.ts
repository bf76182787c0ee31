// Record ids: the one rule for every id that arrives from a file, a link, Mermaid or a peer. The
// canvas and React Flow find elements by id inside CSS attribute selectors and in data
// attributes, so an id may not hold what ends or escapes such a string: quotes, backslashes,
// control characters and line breaks; nor invisible format characters (a right-to-left override
// makes one id look like another). Other characters (any script, punctuation, "->" in a
// reference to a connection, emoji) stay, so the author's Mermaid ids come back as written. An
// unsafe character becomes "_": the same input always maps to the same id, so references stay
// joined.
import { TEXT_FIELDS } from './text';

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"'\\]/gu;

export const ID_LIMIT = TEXT_FIELDS.id.maxLength;

/** The id in its safe form (cut to the limit, unsafe characters as "_"); empty stays empty. */
export function safeId(value: string): string {
  return value.slice(0, ID_LIMIT).replace(UNSAFE, '_');
}

export function isSafeId(value: string): boolean {
  return value.length > 0 && safeId(value) === value;
}
