// The syntax tree of the author's Mermaid text, from mermaid's own parser. Flowchart, sequence and
// state diagrams are parsed by jison grammars that keep no tree; parsing once more with their
// semantic actions and lexer observed gives one: every reduction becomes a node named by the
// grammar's own symbol, with its span in the text, the value mermaid built and the calls it made
// on mermaid's database; every token a leaf with its token name and span. Nothing is parsed here
// by hand: the grammar decides what each span is.

export interface Leaf {
  leaf: true;
  token: string;
  start: number;
  end: number;
}

export interface Branch {
  leaf: false;
  name: string;
  start: number;
  end: number;
  kids: TreeNode[];
  /** What the grammar's action made of it (mermaid's own value). */
  value: unknown;
  /** Calls the action made on mermaid's database: `addVertex`, `addLink`, ... with their arguments. */
  calls: { method: string; args: unknown[] }[];
}

export type TreeNode = Leaf | Branch;

interface Loc {
  range?: [number, number];
}

interface Jison {
  symbols_: Record<string, number>;
  terminals_: Record<number, string>;
  productions_: [number, number][];
  performAction: (...args: unknown[]) => unknown;
  lexer: { options: { ranges?: boolean }; lex: () => unknown; yylloc: Loc };
  yy: Record<string, unknown>;
  parse(text: string): unknown;
}

/** Database methods whose calls are kept on the node whose action made them. */
const OBSERVED = [
  'addVertex',
  'addLink',
  'addSubGraph',
  'addClass',
  'setClass',
  'updateLink',
  'updateLinkInterpolate',
  'setClickEvent',
  'setLink',
  'setTooltip',
  'setDirection',
  'setAccTitle',
  'setAccDescription',
];

/** A copy that survives mermaid changing the arguments afterwards. */
function snapshot(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => snapshot(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = snapshot(v, depth + 1);
  return out;
}

/**
 * Parses `text` with the diagram's jison parser (already loaded by mermaid for this diagram type)
 * and returns the tree. `db` is mermaid's database for the type; it is cleared first and holds this
 * parse's result afterwards.
 */
export function jisonTree(jison: Jison, db: Record<string, unknown>, text: string): Branch {
  const names: Record<number, string> = {};
  for (const [name, id] of Object.entries(jison.symbols_)) names[id] = name;
  const byLoc = new Map<object, Branch>();
  const tokenOf = new Map<object, string>();
  let root: Branch | null = null;
  let pending: Branch['calls'] = [];

  const performAction = jison.performAction;
  const lex = jison.lexer.lex;
  const ranges = jison.lexer.options.ranges;
  const yy = jison.yy;
  const observed: Record<string, unknown> = {};
  for (const key of Object.keys(db)) observed[key] = db[key];
  for (const method of OBSERVED) {
    const original = db[method];
    if (typeof original !== 'function') continue;
    observed[method] = (...args: unknown[]) => {
      pending.push({ method, args: snapshot(args) as unknown[] });
      return (original as (...a: unknown[]) => unknown).apply(db, args);
    };
  }

  const leafOf = (loc: Loc & object): TreeNode => {
    const known = byLoc.get(loc);
    if (known) return known;
    const [start, end] = loc.range ?? [0, 0];
    return { leaf: true, token: tokenOf.get(loc) ?? '', start, end };
  };

  jison.lexer.options.ranges = true;
  jison.lexer.lex = function (this: { yylloc: Loc }) {
    const token = lex.call(this);
    tokenOf.set(this.yylloc, typeof token === 'number' ? (jison.terminals_[token] ?? String(token)) : String(token));
    return token;
  };
  jison.performAction = function (this: { $: unknown; _$: Loc & object }, ...args: unknown[]) {
    const act = args[4] as number;
    const lstack = args[6] as (Loc & object)[];
    const [lhs, len] = jison.productions_[act];
    const kids = len > 0 ? lstack.slice(lstack.length - len).map(leafOf) : [];
    const calls = pending;
    pending = [];
    const result = performAction.apply(this, args);
    const [start, end] = len > 0 ? [kids[0].start, kids[kids.length - 1].end] : (this._$.range ?? [0, 0]);
    const node: Branch = { leaf: false, name: names[lhs] ?? String(lhs), start, end: Math.max(start, end), kids, value: this.$, calls: [...calls, ...pending] };
    pending = [];
    byLoc.set(this._$, node);
    root = node;
    return result;
  };
  jison.yy = observed;
  try {
    (db.clear as (() => void) | undefined)?.call(db);
    jison.parse(text);
  } finally {
    jison.performAction = performAction;
    jison.lexer.lex = lex;
    jison.lexer.options.ranges = ranges;
    jison.yy = yy;
  }
  if (!root) throw new Error('The parser made no tree');
  return root;
}

/** Every branch named `name` under `node`, outermost first, in text order. */
export function findAll(node: TreeNode, name: string, out: Branch[] = [], inside = true): Branch[] {
  if (node.leaf) return out;
  if (node.name === name) {
    out.push(node);
    if (!inside) return out;
  }
  for (const k of node.kids) findAll(k, name, out, inside);
  return out;
}

/** The direct statements of a document, in text order (jison builds `document` left-recursively). */
export function statementsOf(document: Branch, statement = 'statement'): Branch[] {
  const out: Branch[] = [];
  const walk = (n: TreeNode) => {
    if (n.leaf) return;
    if (n.name === statement) {
      out.push(n);
      return;
    }
    if (n !== document && n.name !== 'document' && n.name !== 'line') return;
    for (const k of n.kids) walk(k);
  };
  walk(document);
  return out;
}

/** The direct child branch named `name`. */
export function child(node: Branch, name: string): Branch | undefined {
  return node.kids.find((k): k is Branch => !k.leaf && k.name === name);
}

/** The leaves under a node, in text order. */
export function leaves(node: TreeNode, out: Leaf[] = []): Leaf[] {
  if (node.leaf) out.push(node);
  else for (const k of node.kids) leaves(k, out);
  return out;
}
