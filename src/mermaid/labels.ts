// Labels as plain text. Mermaid hands labels over sanitised but still as HTML or Markdown, with
// its own placeholders for entity codes (#quot;, #9829;). Tags become line breaks or nothing;
// entities become their characters. The result is shown as text, never parsed as HTML.
import { LABEL_LIMIT } from '../files/restore';
import { normalizeLabel } from '../model';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  times: '×',
  divide: '÷',
  plusmn: '±',
  deg: '°',
  micro: 'µ',
  middot: '·',
  bull: '•',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  infin: '∞',
  ne: '≠',
  le: '≤',
  ge: '≥',
  asymp: '≈',
  check: '✓',
  hearts: '♥',
  spades: '♠',
  clubs: '♣',
  diams: '♦',
  semi: ';',
  num: '#',
  colon: ':',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  verbar: '|',
  vert: '|',
  excl: '!',
  quest: '?',
  commat: '@',
  dollar: '$',
  percnt: '%',
  plus: '+',
  equals: '=',
  ast: '*',
  sol: '/',
  bsol: '\\',
  Hat: '^',
  lowbar: '_',
  grave: '`',
  tilde: '~',
};

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '';
}

function entity(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) return codePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return codePoint(parseInt(name.slice(1), 10));
  return Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
}

export function cleanLabel(raw: string | undefined, labelType?: string): string {
  if (!raw) return '';
  // Tags first, while every '<' is still markup; then white space as written is tidied; entities
  // last, so what the author escaped (#lt;, &lt;, #32; for a space) stays exactly that character.
  let text = raw
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:p|div|li)[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  if (labelType === 'markdown') text = text.replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2');
  text = text
    .split('\n')
    .map((line) => line.replace(/[\t ]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim()
    // One pass over mermaid's placeholders for `#123;` and `#name;` codes and HTML entities, so
    // what one decodes to is never decoded again ("#38;amp;" is the text "&amp;").
    .replace(/ﬂ°°(\d+)¶ß|ﬂ°(\w+)¶ß|&(#?[xX]?[0-9a-zA-Z]+);/g, (m, num: string | undefined, name: string | undefined, html: string | undefined) => {
      if (num !== undefined) return codePoint(Number(num));
      return entity((name ?? html)!) ?? m;
    });
  return normalizeLabel(text).slice(0, LABEL_LIMIT);
}
