// Short random ids. Stable once made; never derived from labels (labels change, ids must not).
import { customAlphabet } from 'nanoid';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
const random = customAlphabet(alphabet, 10);

export type IdPrefix = 'd' | 'n' | 'e' | 's' | 'f' | 'r' | 'w';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${random()}`;
}

/**
 * The first of `prefix_1`, `prefix_2`, … not in `taken`, which it joins. For ids made while
 * reading a file or a diagram text: the same input gives the same ids, so a run of it (and its
 * JSON) is the same every time.
 */
export function nextFreeId(prefix: IdPrefix, taken: Set<string>): string {
  let k = taken.size + 1;
  while (taken.has(`${prefix}_${k}`)) k++;
  const id = `${prefix}_${k}`;
  taken.add(id);
  return id;
}

/** Template and drill ids: lower case letters, digits and dashes, as in file names. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,79}$/.test(value);
}
