// Markdown and YAML budgets: each known slow or stack-overflowing input is refused before any
// parser runs, with the limit in words and the line it is on; ordinary files are untouched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, markdownOverBudget, yamlOverBudget } from '../../../src/files/budget';
import { parseRubric } from '../../../src/interview/rubric';
import { refusal } from '../../helpers/refusal';

const minimal = readFileSync('tests/fixtures/templates/minimal.md', 'utf8');
const statementLine = minimal.split('\n').indexOf('Serve **users** quickly.') + 1;
/** The fixture with its statement replaced by `text`. */
const withStatement = (text: string) => minimal.replace('Serve **users** quickly.', text);

describe('the Markdown budget', () => {
  it.each([
    ['images run together', '![a]('.repeat(1_000), 'Line L: 1,000 links or images run together here without a space; at most 4 are read'],
    ['links run together', '[a]('.repeat(1_000), 'Line L: 1,000 links or images run together here without a space; at most 4 are read'],
    ['a paragraph of delimiters', '_a'.repeat(20_000), 'Line L: This paragraph runs past 4,000 characters; at most 4,000 are read in one paragraph'],
    ['quotes 2,600 deep', `${'>'.repeat(2_600)} deep`, 'Line L: Quotes are nested 2,600 levels deep here; at most 50 are read'],
    [
      'lists 800 deep',
      Array.from({ length: 800 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
      'Line L+51: This line is indented 102 columns; at most 100 are read (lists or maps nested about 51 deep)',
    ],
  ])('refuses %s with the limit in words', (_, statement, message) => {
    const error = refusal(withStatement(statement));
    const line = Number(/Line L(\+\d+)?/.exec(message)![1] ?? 0) + statementLine;
    expect(error.message).toBe(message.replace(/Line L(\+\d+)?/, `Line ${line}`));
    expect(error.line).toBe(line);
  });

  it('refuses a 20 MB file at once, by its size', () => {
    const error = refusal(minimal + 'x'.repeat(20_000_000));
    const length = (minimal.length + 20_000_000).toLocaleString('en-US');
    expect(error.message).toBe(`Line 1: This question file is ${length} characters long; at most 1,000,000 are read`);
  });

  it('does not count what is inside code fences, and takes what is just within the limits', () => {
    const fenced = ['```', '![a]('.repeat(1_000), '```'].join('\n');
    expect(markdownOverBudget(fenced)).toBeNull();
    expect(markdownOverBudget('![a]('.repeat(BUDGET.linksInARun))).toBeNull();
    expect(markdownOverBudget(`${'>'.repeat(BUDGET.nesting)} a`)).toBeNull();
    expect(markdownOverBudget('a '.repeat(BUDGET.paragraphChars / 2 - 1))).toBeNull();
    // Blank lines end a paragraph: many short ones are fine, up to the limit of all prose.
    expect(markdownOverBudget('word '.repeat(500).concat('\n\n').repeat(15))).toBeNull();
    expect(markdownOverBudget('word '.repeat(500).concat('\n\n').repeat(17))?.message).toBe(
      'The text outside code fences runs past 40,000 characters here; at most 40,000 are read',
    );
  });
});

describe('the YAML budget', () => {
  it('refuses front matter nested past the limit, in words, instead of a stack overflow', () => {
    const deep = minimal.replace('minutes: 45', `minutes: 45\nextra: ${'['.repeat(5_000)}${']'.repeat(5_000)}`);
    const error = refusal(deep);
    expect(error.message).toMatch(/^Line \d+: Lists or maps are nested more than 50 levels deep here; at most 50 are read$/);
    expect(error.message).not.toContain('call stack');
    const rubric = readFileSync('templates/rubrics/senior-weighted.md', 'utf8').replace('criteria:', `x: ${'{a: '.repeat(60)}\ncriteria:`);
    expect(refusal(rubric, parseRubric).message).toContain('nested more than 50 levels deep');
    expect(yamlOverBudget('a:\n  b:\n    - [1, [2, [3]]]')).toBeNull();
  });
});
