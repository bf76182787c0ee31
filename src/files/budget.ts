// Budgets for Markdown and YAML from people's files (question files, rubric files), checked in one
// linear pass before any parser sees the text. marked's inline parsing is quadratic to cubic in a
// paragraph full of delimiters ("_a" 20,000 times: 0.8 s; "![a](" 1,000 times in a row: 5.4 s),
// its lists cost more with each level of nesting and its block quotes overflow the stack about
// 2,600 levels deep; yaml overflows the stack about 1,000 levels deep. Within these limits the
// worst of those cases parses in tens of milliseconds a paragraph and a few hundred in a whole
// file (`npm run bench -- budget`); a file over one is refused with the limit in words, never
// with an engine's error text. The bank's questions use at most 2,200 characters a paragraph
// and 6,000 in all.

export const BUDGET = {
  /** Characters of a question or rubric file. */
  fileChars: 1_000_000,
  /** Characters of one paragraph (lines between blank lines, outside code fences). */
  paragraphChars: 4_000,
  /** Characters of Markdown outside code fences, all paragraphs together. */
  proseChars: 40_000,
  /** Links or images run together without a space between them. */
  linksInARun: 4,
  /** Levels of block quotes, or of brackets and braces in YAML. */
  nesting: 50,
  /** Columns of indentation (a tab counts 4): lists or YAML nested about half as deep. */
  indent: 100,
} as const;

export interface OverBudget {
  /** What is over which limit, without the line (the caller's error says where). */
  message: string;
  /** 1-based line in the file. */
  line: number;
}

const n = (x: number) => x.toLocaleString('en-US');
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

function indentOf(line: string): number {
  let cols = 0;
  for (const ch of line) {
    if (ch === ' ') cols++;
    else if (ch === '\t') cols += 4;
    else break;
  }
  return cols;
}

/** The file's size against the cap, before anything else is done with it. */
export function overSize(text: string, what: string): OverBudget | null {
  if (text.length <= BUDGET.fileChars) return null;
  return { message: `This ${what} is ${n(text.length)} characters long; at most ${n(BUDGET.fileChars)} are read`, line: 1 };
}

function indentProblem(line: string, at: number): OverBudget | null {
  const cols = indentOf(line);
  if (cols <= BUDGET.indent) return null;
  return {
    message: `This line is indented ${n(cols)} columns; at most ${n(BUDGET.indent)} are read (lists or maps nested about ${n(Math.floor(cols / 2))} deep)`,
    line: at,
  };
}

/** The first limit a Markdown text goes over, or null. `firstLine` is the text's first line in its file. */
export function markdownOverBudget(text: string, firstLine = 1): OverBudget | null {
  const lines = text.split('\n');
  let fence: string | null = null;
  let paragraph = 0;
  let prose = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const at = firstLine + i;
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      // Code is not parsed inline: only its closing fence matters here.
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      paragraph = 0;
      continue;
    }
    if (line.trim() === '') {
      paragraph = 0;
      continue;
    }
    const indent = indentProblem(line, at);
    if (indent) return indent;
    let quotes = 0;
    for (const ch of line) {
      if (ch === '>') quotes++;
      else if (ch !== ' ' && ch !== '\t') break;
    }
    if (quotes > BUDGET.nesting) return { message: `Quotes are nested ${n(quotes)} levels deep here; at most ${n(BUDGET.nesting)} are read`, line: at };
    for (const word of line.split(/\s+/)) {
      let links = 0;
      for (let k = word.indexOf(']('); k >= 0; k = word.indexOf('](', k + 2)) links++;
      if (links > BUDGET.linksInARun)
        return { message: `${n(links)} links or images run together here without a space; at most ${n(BUDGET.linksInARun)} are read`, line: at };
    }
    paragraph += line.length + 1;
    prose += line.length + 1;
    if (paragraph > BUDGET.paragraphChars)
      return {
        message: `This paragraph runs past ${n(BUDGET.paragraphChars)} characters; at most ${n(BUDGET.paragraphChars)} are read in one paragraph`,
        line: at,
      };
    if (prose > BUDGET.proseChars)
      return { message: `The text outside code fences runs past ${n(BUDGET.proseChars)} characters here; at most ${n(BUDGET.proseChars)} are read`, line: at };
  }
  return null;
}

/** The first limit a YAML text goes over (indentation, bracket nesting), or null. */
export function yamlOverBudget(text: string, firstLine = 1): OverBudget | null {
  const lines = text.split('\n');
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const at = firstLine + i;
    const indent = indentProblem(lines[i], at);
    if (indent) return indent;
    // Brackets inside quoted strings count too: a generous limit keeps that from mattering.
    for (const ch of lines[i]) {
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
      if (depth > BUDGET.nesting)
        return { message: `Lists or maps are nested more than ${n(BUDGET.nesting)} levels deep here; at most ${n(BUDGET.nesting)} are read`, line: at };
    }
  }
  return null;
}
