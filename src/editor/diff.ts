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

const idOf = (v: unknown): unknown => (isPlainObject(v) ? v.id : undefined);

/**
 * Lists of records with ids (nodes, edges, scenarios) that gained or lost records: one add or
 * remove per record rather than the whole list. False when the order changed otherwise.
 */
function walkRecords(a: unknown[], b: unknown[], path: Path, out: Patch[]): boolean {
  if (![...a, ...b].every((v) => typeof idOf(v) === 'string')) return false;
  const inA = new Set(a.map(idOf));
  const inB = new Set(b.map(idOf));
  if (inA.size !== a.length || inB.size !== b.length) return false;
  const ops: Patch[] = [];
  let i = 0;
  let j = 0;
  // The list as the patches so far leave it equals b up to j, then a from i on.
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && idOf(a[i]) === idOf(b[j])) {
      walk(a[i], b[j], [...path, j], ops);
      i++;
      j++;
    } else if (i < a.length && !inB.has(idOf(a[i]))) {
      ops.push({ op: 'remove', path: [...path, j] });
      i++;
    } else if (j < b.length && !inA.has(idOf(b[j]))) {
      ops.push({ op: 'add', path: [...path, j], value: b[j] });
      j++;
    } else return false;
  }
  out.push(...ops);
  return true;
}

function walk(a: unknown, b: unknown, path: Path, out: Patch[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      if (!walkRecords(a, b, path, out)) out.push({ op: 'replace', path, value: b });
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
