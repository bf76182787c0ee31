// An architecture diagram's statements as the author wrote them: architecture-beta is parsed by
// mermaid's Langium grammar (@mermaid-js/parser), whose syntax tree knows the span of every
// property (id, icon, title, `in`, each end and side of an edge).
import { parse } from '@mermaid-js/parser';
import { positionPreserving } from './prepare';
import type { Span } from './textEdits';

interface Cst {
  offset: number;
  end: number;
  text: string;
  grammarSource?: { $type?: string; feature?: string; $container?: unknown };
  content?: Cst[];
}

interface AstNode {
  $cstNode?: Cst;
  id?: string;
  icon?: string;
  in?: string;
  lhsId?: string;
  rhsId?: string;
  lhsInto?: boolean;
  rhsInto?: boolean;
}

export type ArchStatement =
  | { stmt: 'service' | 'junction' | 'group'; span: Span; id: string; parts: Record<string, Span>; parent?: string }
  | { stmt: 'edge'; span: Span; from: string; to: string; parts: Record<string, Span>; dashes: Span[] };

export interface ArchitectureSource {
  type: 'architecture';
  statements: ArchStatement[];
}

/** The property a CST leaf was assigned to (`title`, `in`, `lhsDir`, ...). */
function featureOf(node: Cst): string | undefined {
  let g = node.grammarSource as { $type?: string; feature?: string; $container?: unknown } | undefined;
  for (let i = 0; g && i < 10; i++) {
    if (g.$type === 'Assignment') return g.feature;
    g = g.$container as typeof g;
  }
  return undefined;
}

function partsOf(cst: Cst | undefined): { parts: Record<string, Span>; dashes: Span[] } {
  const parts: Record<string, Span> = {};
  const dashes: Span[] = [];
  for (const c of cst?.content ?? []) {
    const feature = featureOf(c);
    if (feature) parts[feature] = { start: c.offset, end: c.end };
    else if (c.text === '-' || c.text === '--') dashes.push({ start: c.offset, end: c.end });
  }
  return { parts, dashes };
}

export async function readArchitectureSource(text: string): Promise<ArchitectureSource> {
  const ast = (await parse('architecture', positionPreserving(text, { blankComments: true }))) as unknown as Record<string, AstNode[]>;
  const statements: ArchStatement[] = [];
  const spanOf = (n: AstNode): Span => ({ start: n.$cstNode?.offset ?? 0, end: n.$cstNode?.end ?? 0 });
  for (const stmt of ['group', 'service', 'junction'] as const) {
    for (const n of ast[`${stmt}s`] ?? []) {
      const s: Extract<ArchStatement, { stmt: typeof stmt }> = { stmt, span: spanOf(n), id: n.id ?? '', parts: partsOf(n.$cstNode).parts };
      if (n.in) s.parent = n.in;
      statements.push(s);
    }
  }
  for (const e of ast.edges ?? []) {
    // An arrow into the left-hand end only means the edge points right to left (as import reads it).
    const reversed = e.lhsInto === true && e.rhsInto !== true;
    const { parts, dashes } = partsOf(e.$cstNode);
    statements.push({ stmt: 'edge', span: spanOf(e), from: (reversed ? e.rhsId : e.lhsId) ?? '', to: (reversed ? e.lhsId : e.rhsId) ?? '', parts, dashes });
  }
  statements.sort((a, b) => a.span.start - b.span.start);
  return { type: 'architecture', statements };
}
