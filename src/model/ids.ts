// Short random ids. Stable once made; never derived from labels (labels change, ids must not).
import { customAlphabet } from 'nanoid';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
const random = customAlphabet(alphabet, 10);

export type IdPrefix = 'd' | 'n' | 'e' | 's' | 'f' | 'r' | 'w';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${random()}`;
}

/** Template and drill ids: lower case letters, digits and dashes, as in file names. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,79}$/.test(value);
}
