// `npm run bench -- budget`: the budgets for untrusted input, measured. In Node: marked on the
// worst Markdown each limit still lets through, against parsing the bank's largest question
// file. In headless Chromium: the longest main-thread task while the code panel draws Mermaid of
// growing size and label length, which is what the drawing budget (mermaid/drawBudget.ts) is
// set from, and the same panel on a hostile diagram under the budget ("Draw it anyway").
import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import { BUDGET } from '../../src/files/budget';
import { overDrawBudget } from '../../src/mermaid/drawBudget';
import { parseTemplate } from '../../src/templates/parseTemplate';
import { withBuiltApp } from './browser';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs = 3): number {
  return median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    }),
  );
}

function nodeFigures(): Record<string, string> {
  const ecommerce = readFileSync('templates/ecommerce.md', 'utf8');
  const reference = time(() => parseTemplate(ecommerce), 5);
  const paragraph = (unit: string) => unit.repeat(Math.floor((BUDGET.paragraphChars - 10) / unit.length));
  const worst: [string, string][] = [
    ['"_a" filling one paragraph (4,000 characters)', paragraph('_a')],
    ['"*a" filling one paragraph', paragraph('*a')],
    ['"`a" filling one paragraph', paragraph('`a')],
    [
      `${BUDGET.linksInARun} images run together, filling one paragraph`,
      Array.from({ length: Math.floor(BUDGET.paragraphChars / (5 * BUDGET.linksInARun + 1)) }, () => '![a]('.repeat(BUDGET.linksInARun)).join(' '),
    ],
    [
      'paragraphs of "_a" filling all the prose a file may have (40,000 characters)',
      Array.from({ length: BUDGET.proseChars / BUDGET.paragraphChars }, () => paragraph('_a')).join('\n\n'),
    ],
    ['lists nested 50 deep', Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
    ['quotes nested 50 deep', `${'>'.repeat(BUDGET.nesting)} deep`],
  ];
  const out: Record<string, string> = { 'reference: parse the bank’s e-commerce question (median of 5)': `${reference.toFixed(1)} ms` };
  for (const [label, text] of worst) {
    const ms = time(() => marked.lexer(text));
    out[`marked on ${label}`] = `${ms.toFixed(1)} ms (${(ms / reference).toFixed(1)} × the reference)`;
  }
  for (const [label, text] of [
    ['"![a](" 1,000 times (5.4 s in marked)', '![a]('.repeat(1_000)],
    ['"_a" 20,000 times (0.8 s)', '_a'.repeat(20_000)],
    ['quotes 2,600 deep (a stack overflow)', `${'>'.repeat(2_600)} a`],
  ] as const) {
    const file = readFileSync('tests/fixtures/templates/minimal.md', 'utf8').replace('Serve **users** quickly.', text);
    const ms = time(() => {
      try {
        parseTemplate(file);
      } catch {
        // refused: that is what is timed
      }
    });
    out[`refusing a question file with ${label}`] = `${ms.toFixed(2)} ms`;
  }
  return out;
}

function flowchart(nodes: number, labelChars: number): { nodes: object[]; edges: object[] } {
  const list = Array.from({ length: nodes }, (_, i) => ({
    id: `n${i}`,
    kind: 'service',
    label: `S${i} `.padEnd(labelChars, 'w'),
    position: { x: i * 10, y: 0 },
    props: {},
  }));
  const edges = list.slice(1).map((x, i) => ({ id: `e${i}`, source: `n${Math.floor(i / 2)}`, target: x.id, mode: 'sync', call: {} }));
  return { nodes: list, edges };
}

async function browserFigures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await withBuiltApp(async (page) => {
    for (const [nodes, chars] of [
      [20, 20],
      [60, 20],
      [120, 20],
      [20, 200],
      [45, 300],
      [45, 1_000],
    ] as const) {
      const shape = flowchart(nodes, chars);
      const result = await page.evaluate(async (shape) => {
        type Debug = {
          documentStore: { getState(): { diagram: object; load(d: object): void } };
          uiStore: { getState(): { toggle(k: string, v: boolean): void } };
        };
        const f = (window as unknown as { faultline: Debug }).faultline;
        f.documentStore.getState().load({ ...f.documentStore.getState().diagram, ...shape });
        f.uiStore.getState().toggle('codePanelOpen', true);
        const tab = (name: string) => [...document.querySelectorAll<HTMLElement>('[role=tab]')].find((b) => b.textContent === name);
        while (!tab('Rendered')) await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => setTimeout(r, 300));
        let longest = 0;
        const observer = new PerformanceObserver((l) => {
          for (const e of l.getEntries()) longest = Math.max(longest, e.duration);
        });
        observer.observe({ type: 'longtask' });
        const started = performance.now();
        tab('Rendered')!.click();
        const shown = () => document.querySelector('.fl-code-panel img') ?? document.querySelector('.fl-draw-anyway');
        while (!shown()) await new Promise((r) => setTimeout(r, 20));
        let drawMs = performance.now() - started;
        const deferred = !!document.querySelector('.fl-draw-anyway');
        let drawnLongest = longest;
        if (deferred) {
          // What "Draw it anyway" costs, for the record.
          longest = 0;
          const t = performance.now();
          document.querySelector<HTMLElement>('.fl-draw-anyway button')!.click();
          while (!document.querySelector('.fl-code-panel img')) await new Promise((r) => setTimeout(r, 20));
          drawMs = performance.now() - t;
          drawnLongest = longest;
          longest = 0;
        }
        observer.disconnect();
        tab('Code')!.click();
        f.uiStore.getState().toggle('codePanelOpen', false);
        await new Promise((r) => setTimeout(r, 200));
        return { deferred, drawMs, drawnLongest };
      }, shape);
      const text = `${nodes} nodes, labels of ${chars} characters`;
      out[`code panel, ${text}: drawn by Mermaid, longest task`] =
        `${result.drawnLongest.toFixed(0)} ms (${result.drawMs.toFixed(0)} ms in all)${result.deferred ? '; over the budget: waits for Draw it anyway' : ''}`;
    }
  });
  return out;
}

export async function runBudgetBench(): Promise<Record<string, string>> {
  // The budget itself is checked here against the same shapes, so the table and the rule agree.
  const sample = `flowchart LR\n    A[${'w'.repeat(300)}] --> B`;
  if (!overDrawBudget(sample)) throw new Error('a 300-character label should be over the drawing budget');
  return { ...nodeFigures(), ...(await browserFigures()) };
}
