// Importing Mermaid without laying it out, and reading what an export changed, for the tests of
// Mermaid out in the author's terms.
import type { LayoutFn } from '../../src/mermaid/importMermaid';

/** Keeps every node where import put it: these tests read text, not positions. */
export const noLayout: LayoutFn = async () => ({ positions: new Map(), sizes: new Map() });

/** The lines of `after` that are not in `before`, and of `before` not in `after`, in order (a line diff). */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence, so a line that moved counts as removed and added.
  const m = a.length;
  const n = b.length;
  const lcs: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) removed.push(a[i++]);
    else added.push(b[j++]);
  }
  removed.push(...a.slice(i));
  added.push(...b.slice(j));
  return { removed, added };
}
