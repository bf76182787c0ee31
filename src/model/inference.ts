// Which kind an imported node is, from its shape and the words in its label and id, by the
// catalog's one ordered rule table. The reason goes with the result so the inspector can say why.
import type { MermaidShape } from './catalog';
import { ACTION_VERBS, CATALOG, ICON_KINDS, INFERENCE_ORDER, isNodeKind } from './catalog';
import type { KindInference, NodeKind } from './types';

export interface InferenceInput {
  id: string;
  label: string;
  shape?: MermaidShape | string;
  /** Mermaid classes on the node; a class named like a kind decides (what export writes). */
  classes?: readonly string[];
  icon?: string;
  /** In a flowchart with decisions, unknown boxes are process steps rather than services. */
  processFlow?: boolean;
}

export interface Inferred extends KindInference {
  kind: NodeKind;
}

/** Lower-case words of a label or id: camelCase and snake_case split, punctuation dropped. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function singular(word: string): string {
  if (word.length > 3 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The first catalog keyword (a word or a phrase) found in the text, or undefined. */
function findKeyword(tokens: string[], keywords: readonly string[]): string | undefined {
  const joined = ` ${tokens.join(' ')} `;
  const single = ` ${tokens.map(singular).join(' ')} `;
  for (const k of keywords) {
    const phrase = ` ${words(k).join(' ')} `;
    if (phrase.trim() && (joined.includes(phrase) || single.includes(phrase))) return k;
  }
  return undefined;
}

/** Words that follow a verb, not a noun: "Store in etcd", "Load from cache", "Write to all". */
const FUNCTION_WORDS = new Set([
  'in',
  'into',
  'to',
  'from',
  'for',
  'on',
  'onto',
  'the',
  'a',
  'an',
  'all',
  'with',
  'by',
  'at',
  'over',
  'via',
  'each',
  'every',
  'new',
]);

/** Ids like A, B1 or S3 are names for the diagram, not words: "S3" there is not Amazon S3. */
const GENERIC_ID = /^[A-Za-z]{1,2}\d*$/;

/** "Load Balancer" or "Queue Processor" start with a component's name, not with an action. */
function startsWithKeyword(tokens: string[]): boolean {
  for (const kind of INFERENCE_ORDER) {
    for (const k of [...CATALOG[kind].keywords, ...CATALOG[kind].products]) {
      const phrase = words(k);
      if (phrase.length > 0 && phrase.every((w, i) => tokens[i] === w || singular(tokens[i] ?? '') === w)) return true;
    }
  }
  return false;
}

export function inferKind(input: InferenceInput): Inferred {
  for (const c of input.classes ?? []) {
    if (isNodeKind(c)) return { kind: c, rule: 'its Mermaid class', matched: c };
  }
  if (input.icon && ICON_KINDS[input.icon]) return { kind: ICON_KINDS[input.icon], rule: 'its architecture icon', matched: input.icon };
  if (input.shape === 'diamond') return { kind: 'step', rule: 'a decision diamond' };
  const labelWords = words(input.label);
  const verbPhrase = labelWords.length > 1 && ACTION_VERBS.includes(labelWords[0]) && (FUNCTION_WORDS.has(labelWords[1]) || !startsWithKeyword(labelWords));
  if (verbPhrase) return { kind: 'step', rule: 'its label starts with an action, so it is a process step', matched: labelWords[0] };
  // Words as written too (HAProxy, PostgreSQL), besides split at case changes (TimelineCache).
  const plain = (text: string) =>
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const tokens = [...labelWords, ...plain(input.label), ...(GENERIC_ID.test(input.id) ? [] : [...words(input.id), ...plain(input.id)])];
  for (const kind of INFERENCE_ORDER) {
    const product = findKeyword(tokens, CATALOG[kind].products);
    if (product) return { kind, rule: `the name "${product}"`, matched: product };
  }
  // In a process flowchart, generic words ("cache", "storage") describe steps, not components.
  const plainBox = input.shape === undefined || input.shape === 'square' || input.shape === 'round';
  if (!(input.processFlow && plainBox)) {
    for (const kind of INFERENCE_ORDER) {
      const matched = findKeyword(tokens, CATALOG[kind].keywords);
      if (matched) return { kind, rule: `the word "${matched}"`, matched };
    }
  }
  if (input.shape === 'cylinder') return { kind: 'database', rule: 'a cylinder shape' };
  if (input.processFlow) return { kind: 'step', rule: 'a box in a process flowchart' };
  return { kind: 'service', rule: 'no telling words, so a service by default' };
}
