// Which kind an imported node is, by weighing evidence the way an engineer reads a diagram: the
// head noun of a node's name counts most ("Kafka Listener" is a worker), product names next
// ("Redis"), an "external" or "third-party" anything is external, and the description, id, an
// "External ..." group, the author's class, shape and icon add weaker votes. Neighbours do not vote:
// on the corpus they made it worse (docs/decisions.md). The strongest reason for the winning kind
// goes with the result, so the inspector can say why.
import { ACTION_VERBS, ICON_KINDS, INFERENCE_ORDER, isNodeKind } from '../catalog';
import type { MermaidShape } from '../catalog';
import type { KindInference, NodeKind } from '../types';
import { readLabel } from './label';
import { matchTerms, type TermMatch, tokens } from './terms';

export { words } from './terms';

export interface InferenceInput {
  id: string;
  label: string;
  shape?: MermaidShape | string;
  /** Mermaid classes on the node; one named like a kind is the author's word for it. */
  classes?: readonly string[];
  /** architecture-beta icon: a built-in one or a pack's ("logos:aws-s3"). */
  icon?: string;
  /** In a flowchart with decisions, plain boxes are process steps unless their words say otherwise. */
  processFlow?: boolean;
  /** Titles of the groups around the node, innermost first. */
  groups?: readonly string[];
  /** A sequence diagram's participant: a system or a person taking part, never a process step. */
  participant?: boolean;
}

export interface Inferred extends KindInference {
  kind: NodeKind;
  /** The winning kind's total weight. */
  score: number;
}

interface Vote {
  kind: NodeKind;
  weight: number;
  rule: string;
  matched?: string;
}

/** Weights, in one place: a head noun outweighs a product named beside it, which outweighs a hint. */
const W = {
  modifier: 9,
  headKeyword: 8,
  headProduct: 7,
  product: 6,
  keyword: 3,
  hint: 2,
  later: 0.9,
  described: { modifier: 4, product: 5, keyword: 2, hint: 1 },
  id: { modifier: 3, product: 3, keyword: 2, hint: 1 },
  groupModifier: 7,
  authorClass: 5,
  classWord: { modifier: 3, product: 3, keyword: 3, hint: 1 },
  cylinder: 3,
  diamond: 10,
  icon: 2,
  storageIcon: 3,
  processStep: 6,
  processKeyword: 0.5,
  verb: 4,
  verbPhrase: 8,
  processVerb: 10,
  fallback: 1,
} as const;

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

/** Nouns for parts of any kind: after a verb they make a name ("Read Replica"), not an action. */
const PART_NOUNS = new Set([
  'replica',
  'shard',
  'primary',
  'standby',
  'master',
  'slave',
  'leader',
  'follower',
  'node',
  'cluster',
  'instance',
  'host',
  'machine',
  'vm',
  'pool',
  'group',
  'layer',
  'tier',
  'system',
  'platform',
  'component',
  'module',
  'aggregator',
]);

/** Keywords that name a part of something ("Shard", "Replica"): a product before them is the head. */
const PART_HEADS = new Set(['shard', 'shards', 'replica', 'replicas']);

/** Ids like A, B1 or S3 are names for the diagram, not words: "S3" there is not Amazon S3. */
const GENERIC_ID = /^[A-Za-z]{1,2}\d*$/;

type Ballot = Map<string, Map<NodeKind, Vote>>;

/** One vote per kind per source (the strongest), so five products on one line count once. */
function cast(ballot: Ballot, source: string, vote: Vote): void {
  if (vote.weight <= 0) return;
  const votes = ballot.get(source) ?? new Map<NodeKind, Vote>();
  const had = votes.get(vote.kind);
  if (!had || had.weight < vote.weight) votes.set(vote.kind, vote);
  ballot.set(source, votes);
}

function describe(m: TermMatch): string {
  return m.term.role === 'product' ? `the name "${m.term.text}"` : `the word "${m.term.text}"`;
}

type Weights = { modifier: number; product: number; keyword: number; hint: number };

/** Votes for every term in a text, by role; in a process flowchart's box, words count for less. */
function voteText(ballot: Ballot, source: string, text: string, w: Weights, wordScale = 1, prefix = ''): void {
  for (const m of matchTerms(tokens(text))) {
    const scale = m.term.role === 'keyword' || m.term.role === 'hint' ? wordScale : 1;
    cast(ballot, source, { kind: m.term.kind, weight: w[m.term.role] * scale, rule: prefix + describe(m), matched: m.term.text });
  }
}

/** The head of a phrase: its last keyword or product, unless that only names a part of a product. */
function headOf(found: readonly TermMatch[]): TermMatch | undefined {
  const strong = found.filter((m) => m.term.role === 'keyword' || m.term.role === 'product');
  const last = strong[strong.length - 1];
  // "Redis Shard" is Redis: a part's name after a product leaves the product the head.
  const product = strong.find((m) => m.term.role === 'product');
  return last && PART_HEADS.has(last.term.text) && product ? product : last;
}

/** The label: its name's phrases (the first leads; each one's head counts most), then its description. */
function voteLabel(ballot: Ballot, label: string, wordScale: number): void {
  const read = readLabel(label);
  read.name.forEach((phrase, i) => {
    const factor = i === 0 ? 1 : W.later;
    const found = matchTerms(tokens(phrase.head));
    const head = headOf(found);
    for (const m of found) {
      const isHead = m === head;
      const weight = {
        modifier: W.modifier,
        product: isHead ? W.headProduct : W.product,
        keyword: (isHead ? W.headKeyword : W.keyword) * wordScale,
        hint: W.hint * wordScale,
      }[m.term.role];
      const rule = isHead && m.term.role === 'keyword' ? `its name is a "${m.term.text}"` : describe(m);
      cast(ballot, 'name', { kind: m.term.kind, weight: weight * factor, rule, matched: m.term.text });
    }
    if (phrase.complement) voteText(ballot, 'description', phrase.complement, W.described, wordScale);
  });
  for (const line of read.description) voteText(ballot, 'description', line, W.described, wordScale);
}

/** A name that starts with an action ("Validate order", "Store in etcd") is a process step. */
function startsWithAction(label: string, processFlow: boolean): { verb: string; weight: number } | undefined {
  const firstLine = readLabel(label).firstLine;
  const plain = firstLine
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (plain.length < 2 || !ACTION_VERBS.includes(plain[0])) return undefined;
  const all = tokens(firstLine);
  // "Load Balancer" or "Queue Processor" start with a component's name, not with an action.
  const opening = matchTerms(all)[0];
  if (opening && opening.start === 0 && opening.end > 1) return undefined;
  const verb = plain[0];
  if (processFlow) return { verb, weight: W.processVerb };
  // "Store in etcd", "Write to all": a verb then a preposition is nothing but an action.
  if (FUNCTION_WORDS.has(plain[1])) return { verb, weight: W.verbPhrase };
  const rest = all.slice(1);
  // "Read Replica", "Post Service", "Push Worker Pool" are names of things.
  if (matchTerms(rest).length > 0 || rest.some((t) => PART_NOUNS.has(t) || PART_NOUNS.has(t.replace(/s$/, '')))) return undefined;
  return { verb, weight: W.verb };
}

function rank(kind: NodeKind): number {
  const i = INFERENCE_ORDER.indexOf(kind);
  return i < 0 ? INFERENCE_ORDER.length : i;
}

/** Totals per kind (the strongest vote of each source, added), the winner and its best reason. */
function count(ballot: Ballot): Inferred {
  const totals = new Map<NodeKind, { total: number; best: Vote }>();
  const add = (v: Vote) => {
    const t = totals.get(v.kind);
    if (!t) totals.set(v.kind, { total: v.weight, best: v });
    else {
      t.total += v.weight;
      if (v.weight > t.best.weight) t.best = v;
    }
  };
  for (const votes of ballot.values()) for (const v of votes.values()) add(v);
  let winner: NodeKind = 'service';
  let top: { total: number; best: Vote } | undefined;
  for (const [kind, t] of totals) {
    if (!top || t.total > top.total + 1e-9 || (Math.abs(t.total - top.total) <= 1e-9 && rank(kind) < rank(winner))) {
      winner = kind;
      top = t;
    }
  }
  const best = top?.best ?? { kind: 'service', weight: 0, rule: 'no telling words, so a service by default' };
  const out: Inferred = { kind: winner, rule: best.rule, score: top?.total ?? 0 };
  if (best.matched) out.matched = best.matched;
  return out;
}

function ballotFor(input: InferenceInput): Ballot {
  const ballot: Ballot = new Map();
  const plainBox = input.shape === undefined || input.shape === 'square' || input.shape === 'round';
  const processBox = !!input.processFlow && plainBox;
  voteLabel(ballot, input.label, processBox ? W.processKeyword : 1);
  const action = input.participant ? undefined : startsWithAction(input.label, !!input.processFlow);
  if (action)
    cast(ballot, 'verb', { kind: 'step', weight: action.weight, rule: 'its label starts with an action, so it is a process step', matched: action.verb });
  const labelWords = tokens(input.label).join(' ');
  const idWords = tokens(input.id).join(' ');
  if (!GENERIC_ID.test(input.id) && idWords !== labelWords) voteText(ballot, 'id', input.id, W.id, 1, 'its id has ');
  // "External Services" around a node makes it external; other words of a group's title say too little.
  for (const title of input.groups ?? []) {
    readLabel(title).name.forEach((phrase, i) => {
      for (const m of matchTerms(tokens(phrase.head))) {
        if (m.term.role !== 'modifier') continue;
        const weight = W.groupModifier * (i === 0 ? 1 : W.later);
        cast(ballot, 'group', { kind: m.term.kind, weight, rule: `its group "${title.split('\n')[0]}" is ${m.term.text}`, matched: m.term.text });
      }
    });
  }
  for (const c of input.classes ?? []) {
    if (isNodeKind(c)) cast(ballot, 'class', { kind: c, weight: W.authorClass, rule: 'its Mermaid class', matched: c });
    else voteText(ballot, 'class', c, W.classWord, 1, 'its Mermaid class has ');
  }
  if (input.icon) {
    const builtIn = ICON_KINDS[input.icon];
    if (builtIn) {
      const weight = input.icon === 'database' || input.icon === 'disk' ? W.storageIcon : W.icon;
      cast(ballot, 'icon', { kind: builtIn, weight, rule: 'its architecture icon', matched: input.icon });
    } else if (input.icon.includes(':')) voteText(ballot, 'icon', input.icon.slice(input.icon.indexOf(':') + 1), W.described, 1, 'its icon has ');
  } else if (input.shape === 'cylinder') cast(ballot, 'shape', { kind: 'database', weight: W.cylinder, rule: 'a cylinder shape' });
  if (input.shape === 'diamond') cast(ballot, 'shape', { kind: 'step', weight: W.diamond, rule: 'a decision diamond' });
  if (processBox) cast(ballot, 'fallback', { kind: 'step', weight: W.processStep, rule: 'a box in a process flowchart' });
  else if (ballot.size === 0) cast(ballot, 'fallback', { kind: 'service', weight: W.fallback, rule: 'no telling words, so a service by default' });
  return ballot;
}

export function inferKind(input: InferenceInput): Inferred {
  return count(ballotFor(input));
}
