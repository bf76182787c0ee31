// A label written back into the author's text in the form its place already has: inside quotes,
// inside a Markdown string, or (where the author wrote bare text) as a quoted string, which every
// place that takes bare text also takes.
import { escapeLabel } from '../exportMermaid';

/** Markdown strings keep line breaks as they are; quotes and backticks become entity codes. */
function markdownContent(label: string): string {
  return label.replace(/[#"`;%]/g, (ch) => `#${ch.codePointAt(0)};`);
}

/** Words, numbers, spaces and light punctuation: safe as bare text in any bracket or link. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ,.'_]*$/u;

/** The text that replaces a label's content span, for the kind of string the author used there. */
export function labelIn(type: string | undefined, label: string): string {
  if (type === 'markdown') return markdownContent(label);
  if (type === 'string') return escapeLabel(label);
  return PLAIN.test(label) && !label.endsWith(' ') ? label : `"${escapeLabel(label)}"`;
}

/** A label as a whole quoted string, for new text. */
export function quotedLabel(label: string): string {
  return `"${escapeLabel(label)}"`;
}
