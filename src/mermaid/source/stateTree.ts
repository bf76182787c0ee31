// A state diagram's statements as the author wrote them, from mermaid's parse tree: transitions
// (with the spans of both ends and the label), descriptions (`state "..." as X`, `X : ...`),
// composite states with their braces, notes, and class and direction lines.
import type { Span } from './textEdits';
import { type Branch, child, findAll, type TreeNode } from './tree';

interface StateValue {
  stmt?: string;
  id?: string;
  type?: string;
  description?: string | string[];
  doc?: unknown;
  note?: unknown;
  state1?: StateValue;
  state2?: StateValue;
  start?: boolean;
}

export type StateStatement =
  | { stmt: 'relation'; span: Span; from: string; to: string; ends: [Span, Span]; label?: Span; top: boolean; parent?: string }
  | { stmt: 'describe'; span: Span; id: string; text: Span; form: 'as' | 'colon'; top: boolean; parent?: string }
  | { stmt: 'composite'; span: Span; id: string; header: Span; close: Span; top: boolean; parent?: string }
  | { stmt: 'state'; span: Span; id: string; top: boolean; parent?: string }
  | { stmt: 'note'; span: Span; id: string; top: boolean; parent?: string }
  | { stmt: 'direction'; span: Span; top: boolean; parent?: string }
  | { stmt: 'other'; span: Span; ids: string[]; top: boolean; parent?: string };

export interface StateSource {
  type: 'state';
  header: Span;
  statements: StateStatement[];
}

const span = (n: TreeNode): Span => ({ start: n.start, end: n.end });

export function readStateTree(root: Branch): StateSource {
  const header = root.kids.find((k) => k.leaf) ?? root;
  const document = child(root, 'document');
  const statements: StateStatement[] = [];
  const walk = (doc: Branch, parent: string | undefined) => {
    for (const st of findAll(doc, 'statement', [], false)) read(st, parent, parent === undefined);
  };
  const read = (st: Branch, parent: string | undefined, top: boolean) => {
    const v = (st.value ?? {}) as StateValue;
    const whole = span(st);
    const where = parent === undefined ? { top } : { top, parent };
    if (v.stmt === 'relation') {
      const label = st.kids.find((k) => k.leaf && k.token === 'DESCR');
      const ends = st.kids.filter((k) => !k.leaf && k.name === 'idStatement').map(span);
      statements.push({
        stmt: 'relation',
        span: whole,
        from: v.state1?.id ?? '',
        to: v.state2?.id ?? '',
        ends: [ends[0] ?? whole, ends[1] ?? whole],
        label: label ? { start: label.start + 1, end: label.end } : undefined,
        ...where,
      });
      return;
    }
    if (v.stmt === 'state' && v.note) {
      statements.push({ stmt: 'note', span: whole, id: v.id ?? '', ...where });
      return;
    }
    const inner = child(st, 'document');
    if (v.stmt === 'state' && inner) {
      const close = st.kids.find((k) => k.leaf && k.token === 'STRUCT_STOP');
      const open = st.kids.find((k) => k.leaf && k.token === 'STRUCT_START');
      statements.push({
        stmt: 'composite',
        span: whole,
        id: v.id ?? '',
        header: { start: st.start, end: open ? open.end : st.start },
        close: close ? span(close) : whole,
        ...where,
      });
      walk(inner, v.id);
      return;
    }
    const descr = st.kids.find((k) => k.leaf && (k.token === 'STATE_DESCR' || k.token === 'DESCR'));
    if (v.stmt === 'state' && descr?.leaf) {
      const colon = descr.token === 'DESCR';
      statements.push({
        stmt: 'describe',
        span: whole,
        id: v.id ?? '',
        text: colon ? { start: descr.start + 1, end: descr.end } : span(descr),
        form: colon ? 'colon' : 'as',
        ...where,
      });
      return;
    }
    if (v.stmt === 'dir') {
      statements.push({ stmt: 'direction', span: whole, ...where });
      return;
    }
    if (v.stmt === 'state') {
      statements.push({ stmt: 'state', span: whole, id: v.id ?? '', ...where });
      return;
    }
    const ids =
      v.stmt === 'applyClass' || v.stmt === 'style'
        ? String(v.id ?? '')
            .split(',')
            .map((x) => x.trim())
        : [];
    statements.push({ stmt: 'other', span: whole, ids, ...where });
  };
  if (document) walk(document, undefined);
  return { type: 'state', header: span(header), statements };
}
