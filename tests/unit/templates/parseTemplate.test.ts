import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate, parseTime } from '../../../src/templates/parseTemplate';
import { refusal } from '../../helpers/refusal';

const minimal = readFileSync('tests/fixtures/templates/minimal.md', 'utf8');

/** The fixture with one text replaced, to make it wrong in one way. */
function variant(from: string, to: string): string {
  if (!minimal.includes(from)) throw new Error(`fixture has no ${from}`);
  return minimal.replace(from, to);
}

describe('question templates', () => {
  it('reads the front matter, the sections, the diagrams and the drills', () => {
    const t = parseTemplate(minimal);
    expect(t).toMatchObject({ id: 'minimal', title: 'A minimal question', difficulty: 'Medium', minutes: 45, variantOf: null });
    expect(t.statement).toBe('Serve **users** quickly.');
    expect(t.requirements).toBe('- 200 requests per second.');
    expect(t.diagrams.map((d) => d.heading)).toEqual(['Architecture', 'A second drawing']);
    expect(t.diagrams[0].text).toBe('flowchart LR\n    Users([Users]) --> API[API] --> DB[(Store)]');
    expect(t.diagrams[0].line).toBe(minimal.split('\n').indexOf('```mermaid') + 1);
    expect(t.setup[1]).toEqual({
      add: { nodes: { Batch: { kind: 'client', label: 'Nightly batch' } }, edges: ['Batch->API'] },
      kinds: { DB: 'database' },
      nodes: { Users: { rateRps: 200 }, Batch: { rateRps: 20 } },
      edges: { 'API->DB': { timeoutMs: 500 } },
    });
    const [drill] = t.drills;
    expect(drill).toMatchObject({
      id: 'db-hang',
      title: 'The database hangs',
      diagram: 1,
      durationMs: 40_000,
      warmupMs: 2_000,
      seed: 1,
      traffic: { Users: { rateRps: 150 } },
    });
    expect(drill.description).toMatch(/^Users see failures/);
    expect(drill.faults).toEqual([{ type: 'hang', on: 'DB', startMs: 10_000, endMs: 20_000 }]);
    expect(drill.expect).toEqual([{ what: 'success', of: 'Users', fromMs: 12_000, toMs: 20_000, below: 0.5 }]);
    expect(drill.fix).toMatchObject({ title: 'Breaker and fallback', patch: { edges: { 'API->DB': { breaker: true, fallback: true } } } });
  });

  it('reads a guide: no difficulty, no statement needed, its own sections kept in order', () => {
    const guide = [
      '---',
      'id: my-guide',
      'kind: guide',
      'title: A guide',
      'category: Interview guide',
      'minutes: 60',
      'source: ours',
      'summary: How we interview.',
      '---',
      '## Red flags',
      '',
      '- **Jumps to solution**',
      '',
      '## Calibration',
      '',
      'Remember the bar.',
      '',
      '## Diagrams',
      '',
      '### Categories',
      '',
      '```mermaid',
      'graph TB',
      '  A --> B',
      '```',
    ].join('\n');
    const t = parseTemplate(guide);
    expect(t).toMatchObject({ kind: 'guide', difficulty: null, statement: '', drills: [] });
    expect(t.parts).toEqual([
      { heading: 'Red flags', text: '- **Jumps to solution**' },
      { heading: 'Calibration', text: 'Remember the bar.' },
    ]);
    expect(t.diagrams.map((d) => d.heading)).toEqual(['Categories']);
    expect(parseTemplate(minimal)).toMatchObject({ kind: 'question', parts: [] });
  });

  it('reads times in seconds, milliseconds and minutes', () => {
    expect(parseTime('20s', 'x')).toBe(20_000);
    expect(parseTime('1.5s', 'x')).toBe(1_500);
    expect(parseTime('250ms', 'x')).toBe(250);
    expect(parseTime('2min', 'x')).toBe(120_000);
    expect(parseTime(3, 'x')).toBe(3_000);
    expect(() => parseTime('soon', 'from')).toThrow('from must be a time such as 20s');
  });

  it.each([
    ['no front matter', minimal.slice(minimal.indexOf('# A minimal')), 'starts with YAML front matter', 1],
    ['a difficulty not in the list', variant('difficulty: Medium', 'difficulty: Easy'), '"difficulty" must be one of Medium, Hard, Expert', 'difficulty:'],
    ['an id that is not a slug', variant('id: minimal', 'id: Not A Slug'), 'must be lower case letters', 2],
    ['an unknown front matter field', variant('minutes: 45', 'minutes: 45\nauthor: me'), 'unknown field "author"', 'author:'],
    ['a setup setting out of range', variant('Users: { rateRps: 200 }', 'Users: { rateRps: -5 }'), 'Request rate must be at least 0 req/s', 2],
    ['a setup naming a missing diagram', variant('setup:\n  1:', 'setup:\n  3:'), '"setup" names diagram 3, but there are 2', 'setup:'],
    ['a prototype key as an id', variant('Users: { rateRps: 200 }', '__proto__: { rateRps: 200 }'), '"__proto__" is not a usable id', 2],
    ['an unknown section', variant('## Discussion points', '## Musings'), 'Unknown section "Musings"', undefined],
    ['an unknown fault type', variant('type: hang, on: DB', 'type: meltdown, on: DB'), '"type" must be one of crash, hang', undefined],
    ['a parameter the fault type does not take', variant('type: hang, on: DB,', 'type: hang, on: DB, factor: 2,'), 'unknown field "factor"', undefined],
    [
      'an unknown measure',
      variant('what: success, of: Users, from: 12s, to: 20s, below: 0.5', 'what: vibes, of: Users, from: 12s, to: 20s, below: 0.5'),
      '"what" must be one of success',
      undefined,
    ],
    ['an outcome without a bound', variant(', below: 0.5 }', ' }'), 'needs "above" or "below"', undefined],
    ['a drill without its fence', variant('```yaml drill', '```yaml'), 'has no ```yaml drill fence', undefined],
    ['a drill that is not YAML', variant('id: db-hang', 'id: [db-hang'), 'is not valid YAML', undefined],
    ['a kind that is neither question nor guide', variant('id: minimal', 'id: minimal\nkind: essay'), '"kind" must be question or guide', 'kind:'],
    ['a question without a difficulty', variant('difficulty: Medium\n', ''), '"difficulty" must be one of', 2],
  ])('refuses %s, saying what and where', (_, text, message, line) => {
    const error = refusal(text);
    expect(error.message).toContain(message);
    // A number is the line itself; a text is the start of the line it must point at.
    if (typeof line === 'number') expect(error.line).toBe(line);
    else if (typeof line === 'string') expect(error.line).toBe(text.split('\n').findIndex((l) => l.startsWith(line)) + 1);
    else expect(error.line).toBeGreaterThan(20);
  });

  it('points a drill refusal at its fence', () => {
    const error = refusal(variant('type: hang, on: DB', 'type: meltdown, on: DB'));
    expect(error.line).toBe(minimal.split('\n').indexOf('```yaml drill') + 1);
  });
});
