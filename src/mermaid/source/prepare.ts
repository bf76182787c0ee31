// The author's Mermaid text as mermaid's parser needs to see it, with every character where it was.
// Mermaid runs pre-passes before its parser (front matter and `%%{init}%%` directives removed,
// comment lines removed, entity codes such as `#quot;` hidden from the grammar); they shift
// offsets, so the tree of the text would not point into the author's text. Here the same passes
// blank or swap characters one for one instead: spans in the tree are spans in the author's text.
// A tree read from this text is checked against mermaid's own reading of the original before it
// is trusted (see tree.ts), so a pass mirrored wrongly costs the source, never the diagram.

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** The front matter block (`---` ... `---` at the very start), as mermaid finds it. */
function frontMatterEnd(text: string): number {
  const first = /^\s*---[ \t]*\r?\n/.exec(text);
  if (!first) return 0;
  const close = /^---[ \t]*(\r?\n|$)/m;
  const rest = text.slice(first[0].length);
  const m = close.exec(rest);
  return m ? first[0].length + m.index + m[0].length : 0;
}

/** `%%{ ... }%%` directives, possibly over several lines. */
const DIRECTIVE = /%%\{[\s\S]*?\}%%/g;
/** A whole-line comment, as mermaid's comment pass reads one. */
const COMMENT_LINE = /^[ \t]*%%(?!\{)[^\n]*/gm;
/** Mermaid drops the last ';' of a style line holding '#' so a colour is not read as an entity code. */
const STYLE_SEMI = /(style|classDef).*:\S*#.*;/g;
const ENTITY = /#\w+;/g;

export interface PrepareOptions {
  /** The flowchart grammar has no comments of its own; the others read `%%` lines themselves. */
  blankComments: boolean;
}

export function positionPreserving(text: string, options: PrepareOptions): string {
  let out = text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n'));
  const fm = frontMatterEnd(out);
  if (fm > 0) out = blank(out.slice(0, fm)) + out.slice(fm);
  out = out.replace(DIRECTIVE, blank);
  if (options.blankComments) out = out.replace(COMMENT_LINE, blank);
  out = out.replace(STYLE_SEMI, (m) => `${m.slice(0, -1)} `);
  // '#' and ';' become letters the grammar reads as text, so the code stays inside its label.
  out = out.replace(ENTITY, (m) => `\u00df${m.slice(1, -1)}\u00df`);
  return out;
}

/** Character offset of the start of each line (0-based lines). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
