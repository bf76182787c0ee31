// The catalog's words as phrases, and a text's tokens matched against them, longest phrase first
// ("payment gateway" before "gateway", "app server" before "app").
import { CATALOG, INFERENCE_ORDER } from '../catalog';
import type { NodeKind } from '../types';

export type TermRole = 'keyword' | 'product' | 'hint' | 'modifier';

export interface Term {
  kind: NodeKind;
  role: TermRole;
  text: string;
  words: readonly string[];
}

/** A term found in a token list, at tokens [start, end). */
export interface TermMatch {
  term: Term;
  start: number;
  end: number;
}

/** Lower-case words of a label or id: camelCase and snake_case split, punctuation dropped. */
export function words(text: string): string[] {
  return (
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      // "HTTPServer" -> "HTTP Server", by looking ahead (a run of capitals is read once).
      .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
  );
}

export function singular(word: string): string {
  if (word.length > 3 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

interface TermTable {
  /** Terms by their first word, longest first. */
  byFirst: ReadonlyMap<string, readonly Term[]>;
  /** One-word terms, so "HiveMQ" or "PostgreSQL" is read whole before it is split at case changes. */
  singles: ReadonlySet<string>;
}

const ROLES: readonly TermRole[] = ['modifier', 'product', 'keyword', 'hint'];

function buildTable(): TermTable {
  const byFirst = new Map<string, Term[]>();
  const singles = new Set<string>();
  const seen = new Set<string>();
  for (const kind of [...INFERENCE_ORDER, 'step' as const]) {
    const entry = CATALOG[kind];
    for (const role of ROLES) {
      const list = role === 'modifier' ? (entry.modifiers ?? []) : role === 'product' ? entry.products : role === 'keyword' ? entry.keywords : entry.hints;
      for (const text of list) {
        const w = words(text);
        const key = w.join(' ');
        if (w.length === 0 || seen.has(key)) continue;
        seen.add(key);
        if (w.length === 1) singles.add(w[0]);
        const term: Term = { kind, role, text, words: w };
        byFirst.set(
          w[0],
          [...(byFirst.get(w[0]) ?? []), term].sort((a, b) => b.words.length - a.words.length),
        );
      }
    }
  }
  return { byFirst, singles };
}

/** Built once from the catalog, never changed. */
const TABLE: TermTable = buildTable();

/** A text's tokens: a known word whole ("hivemq"), anything else split at case changes ("timeline cache"). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[^A-Za-z0-9]+/)) {
    if (!raw) continue;
    const lower = raw.toLowerCase();
    if (TABLE.singles.has(lower)) out.push(lower);
    else out.push(...words(raw));
  }
  return out;
}

function same(token: string | undefined, word: string): boolean {
  return token !== undefined && (token === word || singular(token) === word);
}

/** The terms in a token list, left to right, each the longest that fits where it starts. */
export function matchTerms(list: readonly string[]): TermMatch[] {
  const found: TermMatch[] = [];
  let i = 0;
  while (i < list.length) {
    const candidates = [...(TABLE.byFirst.get(list[i]) ?? []), ...(TABLE.byFirst.get(singular(list[i])) ?? [])];
    const term = candidates.sort((a, b) => b.words.length - a.words.length).find((t) => t.words.every((w, k) => same(list[i + k], w)));
    if (term) {
      found.push({ term, start: i, end: i + term.words.length });
      i += term.words.length;
    } else i++;
  }
  return found;
}
