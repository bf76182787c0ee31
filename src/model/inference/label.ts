// A label read as a person reads it: the first line names the thing ("Redis Cache"), the rest
// describes it ("Stores sessions"); in the name, the last noun is the head ("Kafka Listener" is a
// listener), "A & B" or "A/B" names two things of which the first leads, and what follows "for",
// "of" or a colon only qualifies ("App for Hotel Managers", "Kafka Topic: rides").

export interface NamePhrase {
  /** The words that can name the thing. */
  head: string;
  /** What only qualifies it. */
  complement: string;
}

export interface ReadLabel {
  /** The first line without its parentheses and qualifiers, as coordinated phrases. */
  name: NamePhrase[];
  /** The first line's first written word (a verb there makes a process step). */
  firstLine: string;
  /** Everything that describes rather than names. */
  description: string[];
}

const BRACKETED = /\(([^()]*)\)|\[([^[\]]*)\]|\{([^{}]*)\}/g;
const BRACKET_LEVELS = 3;
const QUALIFIED = /\s*(?::\s*|\s[-–—|]\s+)/;
const PREPOSITION = /\s(?:for|of|with|to|from|in|on|via|by|at|using|behind|into|over|per)\s/i;
const COORDINATION = /\s*(?:\/|&|\+|,|\band\b|\bor\b)\s*/i;

export function readLabel(label: string): ReadLabel {
  const lines = label
    .split('\n')
    // One space between words: the patterns below then take linear time on any label.
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const description = lines.slice(1);
  let first = lines[0] ?? '';
  // Innermost brackets first, a few levels deep (no real label nests deeper).
  for (let level = 0; level < BRACKET_LEVELS; level++) {
    const before = first;
    first = first.replace(BRACKETED, (_m, a, b, c) => {
      description.push((a ?? b ?? c ?? '').trim());
      return ' ';
    });
    if (first === before) break;
  }
  const qualified = QUALIFIED.exec(first);
  if (qualified) {
    description.push(first.slice(qualified.index + qualified[0].length).trim());
    first = first.slice(0, qualified.index);
  }
  // "Pub/Sub" is one word, not two things.
  const title = first.replace(/\bpub\s*\/\s*sub\b/gi, 'PubSub');
  const name = title
    .split(COORDINATION)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = PREPOSITION.exec(` ${part} `);
      if (!at) return { head: part, complement: '' };
      const cut = Math.max(0, at.index - 1);
      return { head: part.slice(0, cut), complement: part.slice(cut) };
    });
  return { name, firstLine: lines[0] ?? '', description };
}
