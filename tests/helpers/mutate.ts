// Seeded mutations of real inputs, for the fuzz corpus: characters from the alphabets that break
// parsers (quotes, brackets, escapes, markup, control and format characters, other scripts),
// deleted and duplicated spans, splices of two inputs, a token repeated many times (for
// super-linear parsers), cut-off endings, and JSON values swapped for hostile ones.
import { Rng } from '../../src/sim/rng';

/** The engine's seeded generator, so every CI run fuzzes the same inputs. */
export function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const HOSTILE = [
  '"',
  "'",
  '`',
  '\\',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '<',
  '>',
  '|',
  ':',
  ';',
  '%%',
  ':::',
  '-->',
  '---',
  '==>',
  '-.->',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u202e',
  '\u200b',
  '\ufeff',
  '订单',
  '🚀',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  '&lt;',
  '#quot;',
  '![a](',
  '[a](',
  '_a',
  '*a',
  '> ',
  '  - ',
  '```',
  '---\n',
  'end',
  'subgraph',
  'click A call alert()',
  '%%{init: {"securityLevel": "loose"}}%%',
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const at = (r: () => number, text: string) => Math.floor(r() * (text.length + 1));

/** One to three mutations of `text`, drawn with `r`; `other` is a second input to splice in. */
export function mutateText(r: () => number, text: string, other: string): string {
  let out = text;
  const times = 1 + Math.floor(r() * 3);
  for (let i = 0; i < times; i++) {
    const p = at(r, out);
    switch (Math.floor(r() * 7)) {
      case 0:
        out = out.slice(0, p) + pick(r, HOSTILE) + out.slice(p);
        break;
      case 1:
        out = out.slice(0, p) + out.slice(Math.min(out.length, p + 1 + Math.floor(r() * 40)));
        break;
      case 2: {
        const span = out.slice(p, p + 1 + Math.floor(r() * 60));
        out = out.slice(0, p) + span + span + out.slice(p);
        break;
      }
      case 3:
        out = out.slice(0, p) + other.slice(at(r, other));
        break;
      case 4:
        out = out.slice(0, p) + pick(r, HOSTILE).repeat(50 + Math.floor(r() * 1_500)) + out.slice(p);
        break;
      case 5:
        out = out.slice(0, p);
        break;
      default:
        out = out.slice(0, p) + String.fromCodePoint(Math.floor(r() * 0x10ffff) & 0x1fffff) + out.slice(p);
    }
  }
  return out;
}

const HOSTILE_VALUES: unknown[] = [
  null,
  -1,
  1e308,
  Number.NaN,
  '',
  'x'.repeat(100_000),
  '__proto__',
  JSON.parse('{"__proto__": {"polluted": true}}'),
  [],
  [[[[[[[[]]]]]]]],
  { constructor: { prototype: { polluted: true } } },
  true,
  '<script>alert(1)</script>',
  '"\\\u0000',
];

const fresh = (v: unknown): unknown => (typeof v === 'object' && v !== null ? JSON.parse(JSON.stringify(v)) : v);

/** A JSON value with one to three places changed: a value swapped, a key renamed, an entry dropped. */
export function mutateJson(r: () => number, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const times = 1 + Math.floor(r() * 3);
  for (let i = 0; i < times; i++) {
    // Walk down a random path, then change what is there.
    let parent: Record<string, unknown> | unknown[] | null = null;
    let key: string | number = '';
    let node: unknown = copy;
    for (let depth = 0; depth < 6 && node && typeof node === 'object'; depth++) {
      const keys = Object.keys(node);
      if (keys.length === 0 || r() < 0.2) break;
      parent = node as Record<string, unknown>;
      key = pick(r, keys);
      node = (node as Record<string, unknown>)[key];
    }
    if (!parent) continue;
    const target = parent as Record<string, unknown>;
    const kind = Math.floor(r() * 3);
    // A fresh copy each time: a shared hostile value, mutated later, could come to contain itself.
    if (kind === 0) target[key] = fresh(pick(r, HOSTILE_VALUES));
    else if (kind === 1) {
      const v = target[key];
      delete target[key];
      // As JSON.parse makes it: an own key, even "__proto__".
      Object.defineProperty(target, pick(r, ['__proto__', 'constructor', 'prototype', `${key}x`, 'id']), {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else delete target[key];
  }
  return copy;
}
