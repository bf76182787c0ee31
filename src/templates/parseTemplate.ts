// A question template from Markdown: YAML front matter (id, kind, title, category, difficulty,
// minutes, source, summary, setup), then sections by their level-2 headings: the problem
// statement, scale requirements, discussion points, the diagrams (Mermaid fences, each under its
// own heading) and the drills (each a heading, words, and a `yaml drill` fence). A guide
// (`kind: guide`) has no difficulty and keeps its other sections as written, in order. The Markdown's
// structure is read with marked's lexer and the YAML with yaml; a user's own question file goes
// through the same checks, so every refusal names what is wrong and on which line.
import { parseScale, type Scale } from './scale';
import { marked, type Token } from 'marked';
import { parse as parseYaml } from 'yaml';
import { markdownOverBudget, type OverBudget, overSize, yamlOverBudget } from '../files/budget';
import type { CallProps, FaultType, NodeProps } from '../model';
import { callField, FAULT_TYPES, faultType, fieldError, isNodeKind, isSlug, nodeField, faultTimeError, scenarioSettingErrors } from '../model';
import {
  DIFFICULTIES,
  MEASURES,
  type DiagramPatch,
  type Difficulty,
  type Drill,
  type DrillFault,
  type DrillTraffic,
  type Expectation,
  type Measure,
  type QuestionTemplate,
  type TemplateDiagram,
  type TemplateKind,
} from './types';

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `Line ${line}: ${message}` : message);
    this.name = 'TemplateError';
  }
}

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const TEXT_LIMIT = 200;

/** A time as written in a template: seconds as a number, or "500ms", "20s", "2min". */
export function parseTime(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 1000;
  const m = typeof value === 'string' ? value.trim().match(/^(\d+(?:\.\d+)?)\s*(ms|s|min)$/) : null;
  if (!m) throw new Error(`${what} must be a time such as 20s, 500ms or 2min (got ${JSON.stringify(value)?.slice(0, 40)})`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

function str(raw: Raw, key: string, where: string, optional = false): string {
  const v = raw[key];
  if (v === undefined && optional) return '';
  if (typeof v !== 'string' || v.trim() === '') throw new Error(`${where} needs "${key}" as text`);
  return v.trim().slice(0, TEXT_LIMIT);
}

/** Entries of a YAML map, refusing keys that would reach a prototype when used as ids. */
function entries(raw: Raw, where: string): [string, unknown][] {
  return Object.keys(raw).map((key) => {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new Error(`${where}: "${key}" is not a usable id`);
    return [key, raw[key]];
  });
}

function checkKeys(raw: Raw, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(raw))
    if (!allowed.includes(key)) throw new Error(`${where} has an unknown field "${key.slice(0, 40)}" (known: ${allowed.join(', ')})`);
}

function props<K extends string>(
  raw: unknown,
  field: (key: string) => Parameters<typeof fieldError>[0] | undefined,
  where: string,
): Partial<Record<K, unknown>> {
  if (!isRecord(raw)) throw new Error(`${where} must be a map of settings`);
  const out: Partial<Record<K, unknown>> = {};
  for (const [key, value] of entries(raw, where)) {
    const f = field(key);
    if (!f) throw new Error(`${where}: unknown setting "${key.slice(0, 40)}"`);
    const error = fieldError(f, value);
    if (error) throw new Error(`${where}: ${error}`);
    out[key as K] = value;
  }
  return out;
}

function additions(raw: unknown, where: string): DiagramPatch['add'] {
  const result: DiagramPatch['add'] = { nodes: {}, edges: [] };
  if (raw === undefined) return result;
  if (!isRecord(raw)) throw new Error(`${where}: add must be a map with nodes and edges`);
  checkKeys(raw, ['nodes', 'edges'], `${where}, add`);
  const nodes = raw.nodes ?? {};
  if (!isRecord(nodes)) throw new Error(`${where}: add.nodes must map a new node id to its kind and label`);
  for (const [id, value] of entries(nodes, where)) {
    if (!isRecord(value) || !isNodeKind(value.kind)) throw new Error(`${where}: the added node ${id.slice(0, 40)} needs a kind`);
    checkKeys(value, ['kind', 'label', 'parent'], `${where}, added node ${id.slice(0, 40)}`);
    result.nodes[id] = { kind: value.kind, label: str(value, 'label', `${where}, added node ${id.slice(0, 40)}`) };
    if (value.parent !== undefined) result.nodes[id].parent = str(value, 'parent', where);
  }
  const edges = raw.edges ?? [];
  if (!Array.isArray(edges) || edges.some((e) => typeof e !== 'string' || !e.includes('->')))
    throw new Error(`${where}: add.edges must be a list of Source->Target`);
  result.edges = edges as string[];
  return result;
}

function patch(raw: unknown, where: string, setup: boolean): DiagramPatch {
  const result: DiagramPatch = { add: { nodes: {}, edges: [] }, kinds: {}, nodes: {}, edges: {} };
  if (raw === undefined || raw === null) return result;
  if (!isRecord(raw)) throw new Error(`${where} must be a map with kinds, nodes and edges`);
  checkKeys(raw, setup ? ['add', 'kinds', 'nodes', 'edges'] : ['title', 'kinds', 'nodes', 'edges', 'expect'], where);
  result.add = additions(raw.add, where);
  const kinds = raw.kinds ?? {};
  if (!isRecord(kinds)) throw new Error(`${where}: kinds must be a map of node id to kind`);
  for (const [id, kind] of entries(kinds, where)) {
    if (!isNodeKind(kind)) throw new Error(`${where}: "${String(kind).slice(0, 40)}" is not a kind (for ${id.slice(0, 40)})`);
    result.kinds[id] = kind;
  }
  const nodes = raw.nodes ?? {};
  if (!isRecord(nodes)) throw new Error(`${where}: nodes must be a map of node id to settings`);
  for (const [id, settings] of entries(nodes, where))
    result.nodes[id] = props<keyof NodeProps>(settings, nodeField, `${where}, node ${id.slice(0, 40)}`) as Partial<NodeProps>;
  const edges = raw.edges ?? {};
  if (!isRecord(edges)) throw new Error(`${where}: edges must be a map of "Source->Target" to call settings`);
  for (const [key, settings] of entries(edges, where)) {
    if (!key.includes('->')) throw new Error(`${where}: "${key.slice(0, 40)}" names no connection; write it as Source->Target`);
    result.edges[key] = props<keyof CallProps>(settings, callField, `${where}, connection ${key.slice(0, 40)}`) as Partial<CallProps>;
  }
  return result;
}

function expectation(raw: unknown, where: string): Expectation {
  if (!isRecord(raw)) throw new Error(`${where} must be a map`);
  checkKeys(raw, ['what', 'of', 'from', 'to', 'above', 'below'], where);
  const what = raw.what as Measure;
  if (!MEASURES.includes(what)) throw new Error(`${where}: "what" must be one of ${MEASURES.join(', ')}`);
  const result: Expectation = { what, of: str(raw, 'of', where), fromMs: parseTime(raw.from, `${where}: from`), toMs: parseTime(raw.to, `${where}: to`) };
  if (!(result.toMs > result.fromMs)) throw new Error(`${where}: "to" must come after "from"`);
  for (const bound of ['above', 'below'] as const) {
    const v = raw[bound];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where}: "${bound}" must be a number`);
    result[bound] = v;
  }
  if (result.above === undefined && result.below === undefined) throw new Error(`${where} needs "above" or "below"`);
  return result;
}

function expectations(raw: unknown, where: string): Expectation[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new Error(`${where} needs a list "expect" with at least one outcome`);
  return raw.map((e, i) => expectation(e, `${where}, outcome ${i + 1}`));
}

function traffic(raw: unknown, where: string): Record<string, DrillTraffic> {
  const result: Record<string, DrillTraffic> = {};
  if (raw === undefined) return result;
  if (!isRecord(raw)) throw new Error(`${where}: traffic must be a map of client id to a rate or settings`);
  for (const [id, value] of entries(raw, where)) {
    const at = `${where}, traffic of ${id.slice(0, 40)}`;
    if (typeof value === 'number') {
      const error = fieldError(nodeField('rateRps')!, value);
      if (error) throw new Error(`${at}: ${error}`);
      result[id] = { rateRps: value };
      continue;
    }
    if (!isRecord(value)) throw new Error(`${at} must be a number of requests per second or a map`);
    checkKeys(value, ['rate', 'pattern', 'factor', 'from', 'for'], at);
    const t: DrillTraffic = {};
    const set = (key: keyof DrillTraffic, v: unknown) => {
      const error = fieldError(nodeField(key)!, v);
      if (error) throw new Error(`${at}: ${error}`);
      (t as Record<string, unknown>)[key] = v;
    };
    if (value.rate !== undefined) set('rateRps', value.rate);
    if (value.pattern !== undefined) set('pattern', value.pattern);
    if (value.factor !== undefined) set('patternFactor', value.factor);
    if (value.from !== undefined) set('patternStartMs', parseTime(value.from, `${at}: from`));
    if (value.for !== undefined) set('patternDurationMs', parseTime(value.for, `${at}: for`));
    result[id] = t;
  }
  return result;
}

function fault(raw: unknown, where: string): DrillFault {
  if (!isRecord(raw)) throw new Error(`${where} must be a map`);
  const type = raw.type as FaultType;
  if (!FAULT_TYPES.some((f) => f.type === type)) throw new Error(`${where}: "type" must be one of ${FAULT_TYPES.map((f) => f.type).join(', ')}`);
  const params = faultType(type).params.map((p) => p.key);
  checkKeys(raw, ['type', 'on', 'from', 'to', ...params], where);
  const result: DrillFault = { type, on: str(raw, 'on', where), startMs: parseTime(raw.from, `${where}: from`), endMs: parseTime(raw.to, `${where}: to`) };
  if (!(result.endMs > result.startMs)) throw new Error(`${where}: "to" must come after "from"`);
  for (const p of faultType(type).params) {
    const v = p.key === 'addMs' && typeof raw.addMs === 'string' ? parseTime(raw.addMs, `${where}: addMs`) : raw[p.key];
    if (v === undefined) continue;
    const error = fieldError(p, v);
    if (error) throw new Error(`${where}: ${error}`);
    Object.assign(result, { [p.key]: v });
  }
  return result;
}

function drill(raw: unknown, title: string, description: string, diagrams: number): Drill {
  const where = `Drill "${title}"`;
  if (!isRecord(raw)) throw new Error(`${where}: its fence holds no YAML map`);
  checkKeys(raw, ['id', 'diagram', 'duration', 'warmup', 'seed', 'traffic', 'faults', 'expect', 'fix'], where);
  const id = str(raw, 'id', where);
  if (!isSlug(id)) throw new Error(`${where}: id "${id}" must be lower case letters, digits and dashes`);
  const diagram = raw.diagram ?? 1;
  if (!Number.isInteger(diagram) || (diagram as number) < 1 || (diagram as number) > diagrams)
    throw new Error(`${where}: "diagram" must be a number from 1 to ${diagrams}`);
  const durationMs = raw.duration === undefined ? 60_000 : parseTime(raw.duration, `${where}: duration`);
  const warmupMs = raw.warmup === undefined ? 5_000 : parseTime(raw.warmup, `${where}: warmup`);
  const seed = raw.seed ?? 1;
  // A drill is a scenario: its settings follow the scenario's fields and rules, as everywhere.
  const problems = scenarioSettingErrors({ durationMs, warmupMs, seed: seed as number });
  if (problems.length > 0) throw new Error(`${where}: ${problems[0]}`);
  if (!Array.isArray(raw.faults) || raw.faults.length === 0) throw new Error(`${where} needs a list "faults" with at least one fault`);
  const faults = raw.faults.map((f, i) => fault(f, `${where}, fault ${i + 1}`));
  faults.forEach((f, i) => {
    const timing = faultTimeError(f, durationMs);
    if (timing) throw new Error(`${where}, fault ${i + 1}: ${timing}`);
  });
  let fix: Drill['fix'] = null;
  if (raw.fix !== undefined) {
    if (!isRecord(raw.fix)) throw new Error(`${where}: fix must be a map`);
    fix = {
      title: str(raw.fix, 'title', `${where}, fix`),
      patch: patch(raw.fix, `${where}, fix`, false),
      expect: expectations(raw.fix.expect, `${where}, fix`),
    };
  }
  return {
    id,
    title,
    description,
    diagram: diagram as number,
    durationMs,
    warmupMs,
    seed: seed as number,
    traffic: traffic(raw.traffic, where),
    faults,
    expect: expectations(raw.expect, where),
    fix,
  };
}

/** The yaml library's message without its own position (the line is reported in the file). */
function yamlProblem(error: unknown): string {
  return (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The 1-based line inside the YAML text where the yaml library found the problem. */
function yamlLine(error: unknown): number | undefined {
  const pos = (error as { linePos?: { line: number }[] }).linePos;
  return pos?.[0]?.line;
}

/** Refuses text over a budget (files/budget.ts) before a parser sees it. */
export function withinBudget(problem: OverBudget | null): void {
  if (problem) throw new TemplateError(problem.message, problem.line);
}

function frontMatter(text: string): { data: Raw; body: string; bodyLine: number } {
  const lines = text.split('\n');
  if (lines[0].trim() !== '---') throw new TemplateError('A question file starts with YAML front matter between two "---" lines', 1);
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new TemplateError('The front matter has no closing "---" line', 1);
  let data: unknown;
  const yaml = lines.slice(1, end).join('\n');
  withinBudget(yamlOverBudget(yaml, 2));
  try {
    data = parseYaml(yaml, { maxAliasCount: 50, logLevel: 'error' });
  } catch (error) {
    throw new TemplateError(`The front matter is not valid YAML: ${yamlProblem(error)}`, 1 + (yamlLine(error) ?? 1));
  }
  if (!isRecord(data)) throw new TemplateError('The front matter must be a YAML map', 2);
  return { data, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

type Section = 'statement' | 'requirements' | 'discussion' | 'diagrams' | 'drills' | 'part' | null;

function sectionOf(heading: string): Section | undefined {
  const h = heading.toLowerCase();
  if (h.includes('statement') || h === 'problem') return 'statement';
  if (h.includes('requirement')) return 'requirements';
  if (h.includes('discussion')) return 'discussion';
  if (h.includes('diagram')) return 'diagrams';
  if (h.includes('drill')) return 'drills';
  return undefined;
}

export function parseTemplate(markdown: string): QuestionTemplate {
  withinBudget(overSize(markdown, 'question file'));
  const text = markdown.replace(/\r\n?/g, '\n');
  const { data, body, bodyLine } = frontMatter(text);
  withinBudget(markdownOverBudget(body, bodyLine));
  const lines = text.split('\n');
  /** The front matter line of the field a message names ("difficulty" must be...), else its first. */
  const lineOf = (message: string): number => {
    const field = message.match(/"([A-Za-z]+)"/)?.[1];
    const at = field ? lines.findIndex((l, i) => i < bodyLine && new RegExp(`^\\s*${field}\\s*:`).test(l)) : -1;
    return at >= 0 ? at + 1 : 2;
  };
  const head = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      throw error instanceof TemplateError ? error : new TemplateError((error as Error).message, lineOf((error as Error).message));
    }
  };
  let meta!: Pick<QuestionTemplate, 'id' | 'kind' | 'title' | 'category' | 'difficulty' | 'minutes' | 'source' | 'summary' | 'variantOf'>;
  head(() => {
    checkKeys(data, ['id', 'kind', 'title', 'category', 'difficulty', 'minutes', 'source', 'summary', 'variantOf', 'setup', 'scale'], 'The front matter');
    const id = str(data, 'id', 'The front matter');
    if (!isSlug(id)) throw new Error(`The id "${id}" must be lower case letters, digits and dashes`);
    const kind = (data.kind ?? 'question') as TemplateKind;
    if (kind !== 'question' && kind !== 'guide') throw new Error('"kind" must be question or guide');
    const difficulty = kind === 'guide' && data.difficulty === undefined ? null : (data.difficulty as Difficulty);
    if (difficulty !== null && !DIFFICULTIES.includes(difficulty)) throw new Error(`"difficulty" must be one of ${DIFFICULTIES.join(', ')}`);
    const minutes = data.minutes;
    if (!Number.isInteger(minutes) || (minutes as number) < 5 || (minutes as number) > 240) throw new Error('"minutes" must be a whole number from 5 to 240');
    meta = {
      id,
      kind,
      title: str(data, 'title', 'The front matter'),
      category: str(data, 'category', 'The front matter'),
      difficulty,
      minutes: minutes as number,
      source: str(data, 'source', 'The front matter'),
      summary: str(data, 'summary', 'The front matter'),
      variantOf: data.variantOf === undefined ? null : str(data, 'variantOf', 'The front matter'),
    };
  });

  const sections = { statement: [] as string[], requirements: [] as string[], discussion: [] as string[] };
  const parts: { heading: string; raw: string[] }[] = [];
  const diagrams: TemplateDiagram[] = [];
  const drillTexts: { title: string; line: number; words: string[]; yaml: { text: string; line: number } | null }[] = [];
  let section: Section = null;
  let heading = '';
  let line = bodyLine;
  for (const token of marked.lexer(body) as Token[]) {
    const at = line;
    line += (token.raw.match(/\n/g) ?? []).length;
    if (token.type === 'heading' && token.depth <= 2) {
      if (token.depth === 2) {
        const s = sectionOf(token.text);
        // A guide's own sections (structures, red flags, calibration) are kept as written.
        if (meta.kind === 'guide' && s !== 'diagrams') {
          parts.push({ heading: token.text.slice(0, TEXT_LIMIT), raw: [] });
          section = 'part';
          continue;
        }
        if (s === undefined)
          throw new TemplateError(
            `Unknown section "${token.text.slice(0, 60)}": use Problem statement, Scale requirements, Discussion points, Diagrams and Drills`,
            at,
          );
        section = s;
      }
      continue;
    }
    if (section === 'part') {
      parts[parts.length - 1].raw.push(token.raw);
      continue;
    }
    if (token.type === 'heading') {
      heading = token.text;
      if (section === 'drills') drillTexts.push({ title: token.text.slice(0, TEXT_LIMIT), line: at, words: [], yaml: null });
      continue;
    }
    if (section === 'statement' || section === 'requirements' || section === 'discussion') {
      sections[section].push(token.raw);
    } else if (section === 'diagrams' && token.type === 'code' && token.lang === 'mermaid') {
      diagrams.push({ heading, text: token.text, line: at });
    } else if (section === 'drills' && drillTexts.length > 0) {
      const current = drillTexts[drillTexts.length - 1];
      if (token.type === 'code' && token.lang === 'yaml drill') {
        if (current.yaml) throw new TemplateError(`Drill "${current.title}" has two drill fences`, at);
        current.yaml = { text: token.text, line: at };
      } else if (token.type !== 'space') current.words.push(token.raw.trim());
    }
  }
  if (meta.kind === 'question' && !sections.statement.length) throw new TemplateError('The question has no "## Problem statement" section');
  if (diagrams.length === 0) throw new TemplateError('The question has no Mermaid diagram under "## Diagrams"');

  let setup: Record<number, DiagramPatch> = {};
  head(() => {
    const raw = data.setup ?? {};
    if (!isRecord(raw)) throw new Error('"setup" must map a diagram number to its kinds, nodes and edges');
    setup = {};
    for (const [key, value] of entries(raw, '"setup"')) {
      const n = Number(key);
      if (!Number.isInteger(n) || n < 1 || n > diagrams.length) throw new Error(`"setup" names diagram ${key.slice(0, 20)}, but there are ${diagrams.length}`);
      setup[n] = patch(value, `The setup of diagram ${n}`, true);
    }
  });

  let scale: Scale | null = null;
  head(() => {
    scale = parseScale(data.scale);
    if (scale && scale.diagram > diagrams.length) throw new Error(`"scale.diagram" is ${scale.diagram}, but there are ${diagrams.length} diagrams`);
  });

  const drills = drillTexts.map((d) => {
    if (!d.yaml) throw new TemplateError(`Drill "${d.title}" has no \`\`\`yaml drill fence`, d.line);
    let raw: unknown;
    withinBudget(yamlOverBudget(d.yaml.text, d.yaml.line + 1));
    try {
      raw = parseYaml(d.yaml.text, { maxAliasCount: 50, logLevel: 'error' });
    } catch (error) {
      throw new TemplateError(`Drill "${d.title}" is not valid YAML: ${yamlProblem(error)}`, d.yaml.line + (yamlLine(error) ?? 0));
    }
    try {
      return drill(raw, d.title, d.words.join('\n\n'), diagrams.length);
    } catch (error) {
      throw new TemplateError((error as Error).message, d.yaml.line);
    }
  });
  const ids = new Set<string>();
  for (const d of drills) {
    if (ids.has(d.id)) throw new TemplateError(`Two drills have the id "${d.id}"`);
    ids.add(d.id);
  }
  return {
    ...meta,
    statement: sections.statement.join('').trim(),
    requirements: sections.requirements.join('').trim(),
    discussion: sections.discussion.join('').trim(),
    parts: parts.map((p) => ({ heading: p.heading, text: p.raw.join('').trim() })),
    diagrams,
    setup,
    scale,
    drills,
  };
}
