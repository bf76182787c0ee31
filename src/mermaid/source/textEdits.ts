// Changes to the author's text as spans: replacing a statement's lines, a label inside one, or
// inserting lines at a statement boundary. Everything outside the changed spans (comments, blank
// lines, the author's spacing) comes through as it was.
import { lineStarts } from './prepare';

export interface Span {
  start: number;
  end: number;
}

interface Edit {
  from: number;
  to: number;
  text: string;
  order: number;
}

export class TextEdits {
  private readonly edits: Edit[] = [];
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  replace(from: number, to: number, text: string): void {
    this.edits.push({ from, to, text, order: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  /** Whether some replacement (not an insertion) covers [from, to). */
  covered(from: number, to: number): boolean {
    return this.edits.some((e) => e.to > e.from && e.from <= from && to <= e.to);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(offset: number): number {
    return this.starts[this.lineOf(offset)];
  }

  /** The offset just after the newline that ends the line holding `offset` (or the text's end). */
  lineEnd(offset: number): number {
    const line = this.lineOf(offset);
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
  }

  /** The leading spaces of the line holding `offset`. */
  indentAt(offset: number): string {
    const start = this.lineStart(offset);
    let i = start;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return this.text.slice(start, i);
  }

  /**
   * The text with every edit applied. An edit inside a larger replacement is dropped (the larger
   * one was made from the inner text already); insertions at one offset keep their order.
   */
  apply(): string {
    const replacements = this.edits.filter((e) => e.to > e.from);
    // A replacement inside a larger one, or an insertion strictly inside one, was already applied
    // to the text the larger one was made from. An insertion at either end of one stays.
    const within = (e: Edit, r: Edit) => (e.to > e.from ? r.from <= e.from && e.to <= r.to && r.to - r.from > e.to - e.from : r.from < e.from && e.from < r.to);
    const kept = this.edits.filter((e) => !replacements.some((r) => r !== e && within(e, r)));
    kept.sort((a, b) => a.from - b.from || (a.to === a.from ? 0 : 1) - (b.to === b.from ? 0 : 1) || a.order - b.order);
    let out = '';
    let at = 0;
    for (const e of kept) {
      if (e.from < at) continue;
      out += this.text.slice(at, e.from) + e.text;
      at = e.to;
    }
    return out + this.text.slice(at);
  }

  /** The text of [from, to) with the edits inside it applied (for a statement rebuilt from its parts). */
  slice(from: number, to: number): string {
    const inner = new TextEdits(this.text.slice(from, to));
    for (const e of this.edits)
      if (e.from >= from && e.to <= to && !(e.from === e.to && (e.from === from || e.from === to))) inner.replace(e.from - from, e.to - from, e.text);
    return inner.apply();
  }
}
