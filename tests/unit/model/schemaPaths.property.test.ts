// One schema, every way in: a value of a node property, a call setting, a scenario setting or a
// fault parameter is kept, or refused with its field's own message, identically by the editor, a
// file, a share link, the clipboard, IndexedDB, Mermaid comments, the template parser and the
// engine. fast-check generates values inside and outside each field's rule.
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../../src/editor/TestEditor';
import { parseDiagramFile } from '../../../src/files/diagramFile';
import { parseFragment } from '../../../src/files/fragment';
import { decodeShareFragment } from '../../../src/files/shareLink';
import { newReport } from '../../../src/files/restore';
import { restoreScenario } from '../../../src/files/restoreScenario';
import { applyAnnotations } from '../../../src/mermaid/applyAnnotations';
import { formatFields } from '../../../src/mermaid/annotations';
import {
  CALL_FIELDS,
  createScenario,
  type Diagram,
  type Field,
  faultType,
  fieldError,
  NODE_FIELDS,
  SCENARIO_FIELDS,
  scenarioSettingErrors,
} from '../../../src/model';
import { Library } from '../../../src/persistence/library';
import { SimInputError, Simulation, simulate } from '../../../src/sim/simulate';
import { parseTemplate } from '../../../src/templates/parseTemplate';
import { threeTier } from '../../helpers/builders';
import { testDb } from '../../helpers/testDb';
import { deflateSync, strToU8 } from 'fflate';

type Value = number | string | boolean;

/** Values in and out of a field's rule: its range's edges, beyond them, fractions, wrong types. */
function values(field: Field): fc.Arbitrary<Value> {
  if (field.type === 'flag') return fc.oneof(fc.boolean(), fc.constantFrom<Value>(1, 'yes'));
  if (field.type === 'choice') return fc.oneof(fc.constantFrom<Value>(...field.options.map((o) => o.value)), fc.constantFrom<Value>('sometimes', 3));
  const { min, max } = field;
  return fc.oneof(
    fc.double({ min, max, noNaN: true }),
    fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 1e9)) }),
    fc.constantFrom<Value>(min, max, min - 1, max + 1, max * 10 + 7, min + 0.5, 'fast', true),
  );
}

type Verdict = { kept: true } | { kept: false; message: string };

function expected(field: Field, value: Value): Verdict {
  const error = fieldError(field, value);
  return error === null ? { kept: true } : { kept: false, message: error };
}

function sameVerdict(path: string, got: { kept: boolean; messages: readonly string[] }, want: Verdict): void {
  expect(got.kept, `${path} keeps the value`).toBe(want.kept);
  if (!want.kept)
    expect(
      got.messages.some((m) => m.includes(want.message)),
      `${path} says "${want.message}" (said: ${got.messages.join(' | ')})`,
    ).toBe(true);
}

function withNodeProp(key: string, value: Value): Diagram {
  const { diagram } = threeTier();
  (diagram.nodes[1].props as Record<string, Value>)[key] = value;
  return diagram;
}

function withCall(key: string, value: Value): Diagram {
  const { diagram } = threeTier();
  (diagram.edges[1].call as Record<string, Value>)[key] = value;
  return diagram;
}

const fileText = (d: unknown) => JSON.stringify({ format: 'faultline', version: 1, diagram: d });

function shareFragment(text: string): string {
  const bytes = deflateSync(strToU8(text));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `share=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

const TEMPLATE = readFileSync('tests/fixtures/templates/minimal.md', 'utf8');

/** The template parser on the minimal fixture, with one more property set on API in its setup. */
function templateVerdict(where: 'nodes' | 'edges', key: string, value: Value): { kept: boolean; messages: string[] } {
  const target = where === 'nodes' ? '      API: ' : '      "Users->API": ';
  // The setup's own `nodes:` (four spaces in), not the `nodes:` of what it adds (six).
  const text = TEMPLATE.replace(`\n    ${where}:\n`, `\n    ${where}:\n${target}{ ${key}: ${JSON.stringify(value)} }\n`);
  try {
    const t = parseTemplate(text);
    const set = where === 'nodes' ? t.setup[1]?.nodes?.API : t.setup[1]?.edges?.['Users->API'];
    return { kept: (set as Record<string, unknown> | undefined)?.[key] === value, messages: [] };
  } catch (error) {
    return { kept: false, messages: [(error as Error).message] };
  }
}

function engineVerdict(d: Diagram, scenario = createScenario('Check', { id: 's', durationMs: 1_000, warmupMs: 0 })): { kept: boolean; messages: string[] } {
  try {
    simulate(d, scenario, { durationMs: scenario.durationMs, warmupMs: scenario.warmupMs });
    return { kept: true, messages: [] };
  } catch (error) {
    if (error instanceof SimInputError) return { kept: false, messages: error.problems };
    throw error;
  }
}

async function databaseVerdict(d: Diagram, read: (loaded: Diagram) => boolean): Promise<{ kept: boolean; messages: string[] }> {
  const db = testDb(new IDBFactory());
  const library = new Library(db);
  const { diagram } = threeTier();
  await library.create({ ...diagram, id: 'd_raw' });
  const { scenarios: _s, ...doc } = d;
  await db.diagrams.update('d_raw', { doc: { ...doc, id: 'd_raw' } });
  const loaded = (await library.load('d_raw'))!;
  db.close();
  // The library reports how much it repaired; the words are the file path's (same restore).
  return { kept: read(loaded.diagram), messages: loaded.repaired > 0 ? [parseDiagramFile(fileText(d)).report.messages.join(' ')] : [] };
}

const RUNS = { numRuns: 40 };

describe('every way in judges a value by its one field', () => {
  it('node properties', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NODE_FIELDS).chain((f) => fc.tuple(fc.constant(f), values(f))),
        async ([field, value]) => {
          const want = expected(field, value);
          const d = withNodeProp(field.key, value);
          const has = (x: Diagram) => (x.nodes.find((n) => n.id === 'api')?.props as Record<string, unknown> | undefined)?.[field.key] === value;
          const file = parseDiagramFile(fileText(d));
          sameVerdict('a file', { kept: has(file.diagram), messages: file.report.messages }, want);
          const link = decodeShareFragment(shareFragment(fileText(d)));
          sameVerdict('a share link', { kept: has(link.diagram), messages: link.report.messages }, want);
          const pasted = parseFragment(JSON.stringify({ type: 'faultline/fragment', version: 1, nodes: d.nodes, edges: [], absolute: {} }))!;
          expect(
            (pasted.nodes.find((n) => n.id === 'api')?.props as Record<string, unknown> | undefined)?.[field.key] === value,
            'the clipboard keeps it',
          ).toBe(want.kept);
          sameVerdict('IndexedDB', await databaseVerdict(d, has), want);
          const { diagram: imported } = threeTier();
          const problems = applyAnnotations(imported, `%% faultline: node api ${formatFields({ [field.key]: value })}`);
          sameVerdict('Mermaid comments', { kept: has(imported), messages: problems }, want);
          const editor = new TestEditor(threeTier().diagram);
          const edit = editor.actions.setNodeProp('api', field.key, value as never);
          sameVerdict('the editor', { kept: edit.ok && has(editor.diagram), messages: edit.ok ? [] : [edit.reason] }, want);
          sameVerdict('the engine', engineVerdict(d), want);
          sameVerdict('a template setup', templateVerdict('nodes', field.key, value), want);
        },
      ),
      RUNS,
    );
  });

  it('call settings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALL_FIELDS).chain((f) => fc.tuple(fc.constant(f), values(f))),
        async ([field, value]) => {
          const want = expected(field, value);
          const d = withCall(field.key, value);
          const has = (x: Diagram) => (x.edges.find((e) => e.source === 'api')?.call as Record<string, unknown> | undefined)?.[field.key] === value;
          const file = parseDiagramFile(fileText(d));
          sameVerdict('a file', { kept: has(file.diagram), messages: file.report.messages }, want);
          const link = decodeShareFragment(shareFragment(fileText(d)));
          sameVerdict('a share link', { kept: has(link.diagram), messages: link.report.messages }, want);
          sameVerdict('IndexedDB', await databaseVerdict(d, has), want);
          const { diagram: imported } = threeTier();
          const problems = applyAnnotations(imported, `%% faultline: edge api->db ${formatFields({ [field.key]: value })}`);
          sameVerdict('Mermaid comments', { kept: has(imported), messages: problems }, want);
          const editor = new TestEditor(threeTier().diagram);
          const edit = editor.actions.setCallProp(d.edges[1].id, field.key, value as never);
          sameVerdict('the editor', { kept: edit.ok && has(editor.diagram), messages: edit.ok ? [] : [edit.reason] }, want);
          sameVerdict('the engine', engineVerdict(d), want);
        },
      ),
      RUNS,
    );
  });

  it('scenario settings, with the rule between warm-up and duration', () => {
    const setting = fc.constantFrom(...SCENARIO_FIELDS).chain((f) => fc.tuple(fc.constant(f), values(f)));
    fc.assert(
      fc.property(setting, ([field, value]) => {
        const base = { seed: 1, durationMs: 60_000, warmupMs: 5_000 };
        const raw = { name: 'Check', ...base, [field.key]: value, traffic: {}, faults: [] };
        // A value out of its field is refused everywhere; a warm-up that does not fit the run
        // gives way everywhere (refused when it is the value set, replaced when the run shrank).
        const errors = scenarioSettingErrors(raw as typeof base);
        const fieldProblem = fieldError(field, value);
        const want: Verdict = fieldProblem
          ? { kept: false, message: fieldProblem }
          : errors.length === 0
            ? { kept: true }
            : { kept: field.key !== 'warmupMs', message: errors[0] };
        const mentioned = (messages: string[]) =>
          want.kept && errors.length === 0 ? true : messages.some((m) => m.includes((want as { message: string }).message));
        const report = newReport();
        const restored = restoreScenario(raw, report)!;
        expect(restored[field.key] === value, 'a scenario file keeps the value').toBe(want.kept);
        expect(mentioned(report.messages), `a scenario file says why (${report.messages.join(' | ')})`).toBe(true);
        const editor = new TestEditor(threeTier().diagram);
        editor.actions.addScenario('Check');
        const s = editor.diagram.scenarios[0];
        const edit =
          typeof value === 'number' ? editor.actions.setScenarioSetting(s.id, field.key, value) : { ok: false as const, reason: fieldError(field, value)! };
        expect(edit.ok && editor.diagram.scenarios[0][field.key] === value, 'the editor keeps the value').toBe(want.kept);
        expect(mentioned(edit.ok ? (edit.notice ? [edit.notice] : []) : [edit.reason]), 'the editor says why').toBe(true);
        let engine: { kept: boolean; messages: string[] };
        try {
          // The engine's input check runs when a simulation is set up (nothing is simulated here).
          new Simulation(threeTier().diagram, createScenario('Check'), { ...base, [field.key]: value } as never);
          engine = { kept: true, messages: [] };
        } catch (error) {
          if (!(error instanceof SimInputError)) throw error;
          engine = { kept: false, messages: error.problems };
        }
        // The engine repairs nothing: it refuses any scenario that does not fit, with the same words.
        expect(engine.kept, 'the engine runs it').toBe(errors.length === 0 && !fieldProblem);
        expect(mentioned(engine.messages), 'the engine says why').toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a 45 s warm-up of a 60 s run on every path', async () => {
    const { diagram } = threeTier();
    diagram.scenarios = [createScenario('Long warm-up', { id: 's', durationMs: 60_000, warmupMs: 45_000 })];
    expect(parseDiagramFile(fileText(diagram)).diagram.scenarios[0].warmupMs).toBe(45_000);
    expect(decodeShareFragment(shareFragment(fileText(diagram))).diagram.scenarios[0].warmupMs).toBe(45_000);
    const db = testDb(new IDBFactory());
    const library = new Library(db);
    await library.create(diagram);
    expect((await library.load(diagram.id))!.diagram.scenarios[0].warmupMs).toBe(45_000);
    expect(simulate(diagram, diagram.scenarios[0]).summary.fromMs).toBe(45_000);
  });

  it('fault parameters on a connection', async () => {
    const fraction = faultType('errorRate').params.find((p) => p.key === 'fraction')!;
    await fc.assert(
      fc.asyncProperty(values(fraction), async (value) => {
        const want = expected(fraction, value);
        const { diagram } = threeTier();
        const f = { id: 'f1', type: 'errorRate', target: { type: 'edge', id: diagram.edges[1].id }, startMs: 0, endMs: 500, fraction: value };
        const d = { ...diagram, scenarios: [{ ...createScenario('Errors', { id: 's', durationMs: 1_000, warmupMs: 0 }), faults: [f] }] } as unknown as Diagram;
        const has = (x: Diagram) => x.scenarios[0]?.faults[0]?.fraction === value;
        const file = parseDiagramFile(fileText(d));
        sameVerdict('a file', { kept: has(file.diagram), messages: file.report.messages }, want);
        const editor = new TestEditor(threeTier().diagram);
        const edit = editor.actions.addFault(null, f as never);
        sameVerdict('the editor', { kept: edit.ok, messages: edit.ok ? [] : [edit.reason] }, want);
        sameVerdict('the engine', engineVerdict(d, d.scenarios[0]), want);
      }),
      RUNS,
    );
  });
});
