// Statements as whole lines of the author's text: what is replaced, removed or added around them.
import type { Span, TextEdits } from './textEdits';

/** The lines a statement stands on: from its line's start to just after its last line's newline. */
export function extent(edits: TextEdits, s: Span): Span {
  let last = Math.max(s.start, s.end - 1);
  while (last > s.start && /\s/.test(edits.text[last])) last--;
  return { start: edits.lineStart(s.start), end: edits.lineEnd(last) };
}

/** Replaces a statement's lines with new ones at its indentation (none: the lines go). */
export function replaceLines(edits: TextEdits, s: Span, lines: string[]): void {
  const e = extent(edits, s);
  const indent = edits.indentAt(s.start);
  const newline = edits.text.slice(e.start, e.end).endsWith('\n') ? '\n' : '';
  edits.replace(e.start, e.end, lines.length === 0 ? '' : `${lines.map((l) => indent + l).join('\n')}${newline}`);
}

/** Lines inserted at a line boundary, each at `indent`. */
export function insertLines(edits: TextEdits, at: number, indent: string, lines: string[]): void {
  if (lines.length === 0) return;
  const before = at > 0 && edits.text[at - 1] !== '\n' ? '\n' : '';
  edits.insert(at, `${before}${lines.map((l) => indent + l).join('\n')}\n`);
}
