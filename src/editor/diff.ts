// The difference between two versions of a plain record as immer patches. Immer shares every
// subtree an edit did not touch, so a subtree that is the same object on both sides is skipped
// without looking inside: diffing a 1,000-node diagram after a drag visits the moved nodes only.
// A gesture (drag, resize) records one change from its start to its end this way, so its undo
// step grows with what moved, not with how many frames the gesture took.
import type { Patch } from 'immer';

type Path = (string | number)[];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walk(a: unknown, b: unknown, path: Path, out: Patch[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push({ op: 'replace', path, value: b });
      return;
    }
    for (let i = 0; i < a.length; i++) walk(a[i], b[i], [...path, i], out);
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of Object.keys(b)) {
      if (!Object.hasOwn(a, key)) out.push({ op: 'add', path: [...path, key], value: b[key] });
      else walk(a[key], b[key], [...path, key], out);
    }
    for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) out.push({ op: 'remove', path: [...path, key] });
    return;
  }
  out.push({ op: 'replace', path, value: b });
}

/** Patches that turn `from` into `to`, and the inverse ones that turn `to` back into `from`. */
export function diffPatches<T>(from: T, to: T): { patches: Patch[]; inverse: Patch[] } {
  const patches: Patch[] = [];
  const inverse: Patch[] = [];
  walk(from, to, [], patches);
  walk(to, from, [], inverse);
  return { patches, inverse };
}
