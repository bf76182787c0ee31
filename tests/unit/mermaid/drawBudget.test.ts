// The drawing budget: every diagram of the bank is drawn at once, a diagram of huge labels or a
// huge diagram waits for "Draw it anyway", and says why in words.
import { describe, expect, it } from 'vitest';
import { DRAW_BUDGET, overDrawBudget } from '../../../src/mermaid/drawBudget';
import { seedFences } from '../../helpers/seeds';

describe('the Mermaid drawing budget', () => {
  it('draws every diagram of the bank at once', () => {
    expect(
      seedFences()
        .filter((s) => overDrawBudget(s.text) !== null)
        .map((s) => s.name),
    ).toEqual([]);
  });

  it('holds back huge labels and huge diagrams, saying why', () => {
    const labels = `flowchart LR\n    A[${'w'.repeat(1_000)}] --> B`;
    expect(overDrawBudget(labels)).toBe(
      `A line of this diagram is ${(labels.split('\n')[1].length).toLocaleString('en-US')} characters long (long labels are slow to draw); pictures are drawn at once up to 200 a line, and drawing it may hold up the page for a while.`,
    );
    const many = ['flowchart LR', ...Array.from({ length: 500 }, (_, i) => `    N${i} --> N${i + 1}`)].join('\n');
    expect(many.length).toBeGreaterThan(DRAW_BUDGET.chars);
    expect(overDrawBudget(many)).toMatch(/^This diagram is [\d,]+ characters of Mermaid; pictures are drawn at once up to 6,000/);
  });
});
