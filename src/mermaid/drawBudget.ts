// How much Mermaid text is drawn at once on the page. Mermaid draws on the main thread and its
// cost grows with every label's length (it measures and wraps each one): measured in Chromium
// through the code panel (`npm run bench -- budget`), 60 short nodes take a 451 ms task, 120 of
// them 835 ms, 20 labels of 200 characters 1.2 s, 45 labels of 300 characters 3.9 s, 45 of 1,000
// characters 13.7 s. Past these limits a picture waits for the person to ask for it ("Draw it
// anyway"). The bank's largest diagram is 2,152 characters with lines of at most 116.
export const DRAW_BUDGET = { chars: 6_000, lineChars: 200 } as const;

/** Why this text is not drawn without asking, in words; null when it is within the budget. */
export function overDrawBudget(text: string): string | null {
  const n = (x: number) => x.toLocaleString('en-US');
  if (text.length > DRAW_BUDGET.chars)
    return `This diagram is ${n(text.length)} characters of Mermaid; pictures are drawn at once up to ${n(DRAW_BUDGET.chars)}, and drawing it may hold up the page for a while.`;
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  if (longest > DRAW_BUDGET.lineChars)
    return `A line of this diagram is ${n(longest)} characters long (long labels are slow to draw); pictures are drawn at once up to ${n(DRAW_BUDGET.lineChars)} a line, and drawing it may hold up the page for a while.`;
  return null;
}
