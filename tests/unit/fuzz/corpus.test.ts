// The standing fuzz corpus: 10,000 seeded mutations of real inputs through the parsers a person's
// input meets: Mermaid (mermaid's README examples and the bank's 41 fences, to the diagram the
// import would make), diagram files, share links, and question files. Each input either opens
// as a valid diagram or question, or is refused with a message for people (never an engine's
// TypeError, RangeError or stack overflow); none takes longer than its time budget; no
// prototype is polluted. The counts are printed with the run (and in the README).
import '../../helpers/withMermaidDom';
import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDiagramFile, serializeDiagramFile } from '../../../src/files/diagramFile';
import { decodeShareFragment, encodeShareFragment, SHARE_PREFIX } from '../../../src/files/shareLink';
import { parseMermaid } from '../../../src/mermaid/parse';
import { toDiagram } from '../../../src/mermaid/toDiagram';
import { validateDiagram, type Diagram } from '../../../src/model';
import { parseTemplate } from '../../../src/templates/parseTemplate';
import { threeTier } from '../../helpers/builders';
import { mutateJson, mutateText, random } from '../../helpers/mutate';
import { seedFences } from '../../helpers/seeds';

/** Per input, generous for a shared 2-core machine: the point is that nothing hangs or goes super-linear. */
const BUDGET_MS = 2_000;
const PEOPLE_ERRORS = new Set(['FileError', 'TemplateError', 'MermaidImportError']);
const ENGINE_TEXT = /Maximum call stack|is not a function|Cannot read properties|is not defined|is not iterable/;

interface Tally {
  corpus: string;
  inputs: number;
  opened: number;
  refused: number;
  slowestMs: number;
  slowest: string;
}

/** Runs every input through `open`, which throws to refuse; checks each outcome as it goes. */
async function fuzz(corpus: string, inputs: string[], open: (input: string) => Promise<Diagram | null> | Diagram | null): Promise<Tally> {
  const tally: Tally = { corpus, inputs: inputs.length, opened: 0, refused: 0, slowestMs: 0, slowest: '' };
  for (const input of inputs) {
    const started = performance.now();
    let opened: Diagram | null = null;
    try {
      opened = await open(input);
      tally.opened++;
    } catch (error) {
      tally.refused++;
      const e = error as Error;
      if (!PEOPLE_ERRORS.has(e.name) || ENGINE_TEXT.test(e.message))
        expect.fail(`${corpus}: refused with ${e.name}: ${e.message.slice(0, 200)}\ninput: ${JSON.stringify(input.slice(0, 300))}`);
    }
    const ms = performance.now() - started;
    if (ms > tally.slowestMs) Object.assign(tally, { slowestMs: ms, slowest: input.slice(0, 80) });
    expect(ms, `${corpus}: ${JSON.stringify(input.slice(0, 200))}`).toBeLessThan(BUDGET_MS);
    if (opened) expect(validateDiagram(opened), corpus).toEqual([]);
    expect(({} as Record<string, unknown>).polluted, corpus).toBeUndefined();
  }
  return tally;
}

function mutations(seed: number, count: number, sources: readonly string[]): string[] {
  const r = random(seed);
  return Array.from({ length: count }, () => mutateText(r, sources[Math.floor(r() * sources.length)], sources[Math.floor(r() * sources.length)]));
}

const readmeFences = [...readFileSync('node_modules/mermaid/README.md', 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
const mermaidSources = [...readmeFences, ...seedFences().map((s) => s.text)];
const questionSources = [
  readFileSync('tests/fixtures/templates/minimal.md', 'utf8'),
  ...readdirSync('templates')
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(`templates/${f}`, 'utf8')),
];
const fileSources = [threeTier().diagram, parseDiagramFile(readFileSync('tests/fixtures/cli/checkout.faultline.json', 'utf8')).diagram];

const tallies: Tally[] = [];

describe('the fuzz corpus', () => {
  it('Mermaid: 1,200 mutations of mermaid’s examples and the bank’s fences', async () => {
    tallies.push(await fuzz('Mermaid', mutations(1, 1_200, mermaidSources), async (text) => toDiagram(await parseMermaid(text), 'Fuzz').diagram));
  }, 300_000);

  it('diagram files: 5,300 mutated files', async () => {
    const r = random(2);
    const inputs = Array.from({ length: 5_300 }, (_, i) => {
      const file = JSON.parse(serializeDiagramFile(fileSources[i % fileSources.length]));
      // Two in three change the JSON's values and keys; the rest change its text.
      return i % 3 < 2 ? JSON.stringify(mutateJson(r, file)) : mutateText(r, JSON.stringify(file), '{"nodes": []}');
    });
    tallies.push(await fuzz('Diagram files', inputs, (text) => parseDiagramFile(text).diagram));
  }, 300_000);

  it('share links: 2,500 mutated links', async () => {
    const r = random(3);
    const inputs = Array.from({ length: 2_500 }, (_, i) => {
      const d = fileSources[i % fileSources.length];
      if (i % 2 === 0) return mutateText(r, encodeShareFragment(d), SHARE_PREFIX);
      // A well-packed link around a damaged diagram, so the damage reaches the restore.
      const json = JSON.stringify(mutateJson(r, JSON.parse(serializeDiagramFile(d))));
      return SHARE_PREFIX + Buffer.from(deflateSync(strToU8(json))).toString('base64url');
    });
    tallies.push(await fuzz('Share links', inputs, (link) => decodeShareFragment(link).diagram));
  }, 300_000);

  it('question files: 2,000 mutations of the bank’s questions', async () => {
    tallies.push(
      await fuzz('Question files', mutations(4, 2_000, questionSources), (text) => {
        parseTemplate(text);
        return null;
      }),
    );
  }, 300_000);

  it('adds up to at least 10,000 inputs, and says what it saw', () => {
    const total = tallies.reduce((n, t) => n + t.inputs, 0);
    console.log(
      [
        '| corpus | inputs | opened | refused | slowest |',
        '| --- | --- | --- | --- | --- |',
        ...tallies.map((t) => `| ${t.corpus} | ${t.inputs} | ${t.opened} | ${t.refused} | ${t.slowestMs.toFixed(0)} ms |`),
        `| all | ${total} | ${tallies.reduce((n, t) => n + t.opened, 0)} | ${tallies.reduce((n, t) => n + t.refused, 0)} | ${Math.max(...tallies.map((t) => t.slowestMs)).toFixed(0)} ms |`,
      ].join('\n'),
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
    // Both outcomes are exercised in every corpus: the mutations neither all break nor all pass.
    for (const t of tallies) expect(t.opened > 0 && t.refused > 0, t.corpus).toBe(true);
  });
});
