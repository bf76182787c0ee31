// Rubrics as data: a Markdown file whose YAML front matter lists the criteria with their weights
// and every level's descriptors, the decision bands and the red flags (templates/rubrics/,
// docs/templates.md). A file that does not follow the format is refused with the line and the
// reason, as question files are.
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { overSize, yamlOverBudget } from '../files/budget';
import { TemplateError, withinBudget } from '../templates/parseTemplate';
import type { Rubric } from './score';

export type { RedFlag, Rubric, RubricBand, RubricCriterion } from './score';
export { scoreRubric } from './score';

const TEXT_LIMIT = 500;

/** Parses a rubric file; throws TemplateError with the line of the first problem. */
export function parseRubric(text: string): Rubric {
  withinBudget(overSize(text, 'rubric file'));
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') throw new TemplateError('A rubric file starts with YAML front matter between two "---" lines', 1);
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new TemplateError('The front matter has no closing "---" line', 1);
  const yaml = lines.slice(1, end).join('\n');
  withinBudget(yamlOverBudget(yaml, 2));
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, maxAliasCount: 50, logLevel: 'error' } as never);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new TemplateError(
      `The front matter is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      1 + (e.linePos?.[0]?.line ?? 1),
    );
  }
  /** The file line of a value in the front matter (its key's line when it has no node). */
  const lineAt = (path: (string | number)[]): number => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number] } | undefined;
      if (node?.range) return 1 + counter.linePos(node.range[0]).line;
    }
    return 2;
  };
  const fail = (message: string, path: (string | number)[]): never => {
    throw new TemplateError(message, lineAt(path));
  };
  const data = doc.toJS() as unknown;
  if (!isMap(doc.contents) || typeof data !== 'object' || data === null) throw new TemplateError('The front matter must be a YAML map', 2);
  const raw = data as Record<string, unknown>;
  const text_ = (value: unknown, path: (string | number)[], what: string): string => {
    if (typeof value !== 'string' || !value.trim()) return fail(`${what} must be text`, path);
    if (value.length > TEXT_LIMIT) return fail(`${what} is longer than ${TEXT_LIMIT} characters`, path);
    return value.trim();
  };
  const id = text_(raw.id, ['id'], '"id"');
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(id)) fail('"id" must be lower case letters, digits and dashes', ['id']);
  const scaleRaw = raw.scale as Record<string, unknown> | undefined;
  const min = scaleRaw?.min;
  const max = scaleRaw?.max;
  if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) < 0 || (max as number) <= (min as number) || (max as number) > 10)
    fail('"scale" must give whole numbers "min" and "max", 0 ≤ min < max ≤ 10', ['scale']);
  const scale = { min: min as number, max: max as number };
  const levels: Record<number, string> = {};
  const levelsRaw = raw.levels;
  if (typeof levelsRaw !== 'object' || levelsRaw === null) fail('"levels" must name each score of the scale', ['levels']);
  for (let s = scale.min; s <= scale.max; s++) levels[s] = text_((levelsRaw as Record<string, unknown>)[s], ['levels', s], `Level ${s}`);
  const bandsRaw = raw.bands ?? [];
  if (!Array.isArray(bandsRaw)) fail('"bands" must be a list of { from, label }', ['bands']);
  const bands = (bandsRaw as unknown[]).map((b, i) => {
    const band = b as Record<string, unknown>;
    const from = band?.from;
    if (typeof from !== 'number' || !Number.isFinite(from) || from < 0 || from > scale.max)
      fail(`Band ${i + 1}: "from" must be a score from 0 to ${scale.max}`, ['bands', i]);
    return { from: from as number, label: text_(band.label, ['bands', i, 'label'], `Band ${i + 1}'s label`) };
  });
  for (let i = 1; i < bands.length; i++) if (bands[i].from >= bands[i - 1].from) fail('Bands go from the highest score down', ['bands', i]);
  if (!isSeq(doc.get('criteria', true)) || !Array.isArray(raw.criteria) || raw.criteria.length === 0) fail('"criteria" must be a list', ['criteria']);
  const criteria = (raw.criteria as unknown[]).slice(0, 30).map((c, i) => {
    const at = ['criteria', i];
    const crit = c as Record<string, unknown>;
    const name = text_(crit?.name, [...at, 'name'], `Criterion ${i + 1}'s name`);
    const weight = crit.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0 || weight > 1000)
      fail(`${name}: "weight" must be a positive number`, [...at, 'weight']);
    const descriptors: Record<number, string[]> = {};
    const d = crit.descriptors as Record<string, unknown> | undefined;
    if (typeof d !== 'object' || d === null) fail(`${name}: "descriptors" must give each level's descriptors`, [...at, 'descriptors']);
    for (const key of Object.keys(d as object)) {
      const level = Number(key);
      if (!Number.isInteger(level) || level < scale.min || level > scale.max)
        fail(`${name}: level ${key} is not on the scale ${scale.min} to ${scale.max}`, [...at, 'descriptors', key]);
    }
    for (let s = scale.min; s <= scale.max; s++) {
      const items = (d as Record<string, unknown>)[s];
      if (!Array.isArray(items) || items.length === 0) fail(`${name}: level ${s} (${levels[s]}) has no descriptors`, [...at, 'descriptors']);
      descriptors[s] = (items as unknown[]).slice(0, 20).map((t, j) => text_(t, [...at, 'descriptors', s, j], `${name}, level ${s}`));
    }
    return { name, weight: weight as number, descriptors };
  });
  const flagsRaw = raw.redFlags ?? [];
  if (!Array.isArray(flagsRaw)) fail('"redFlags" must be a list of { group, name, description }', ['redFlags']);
  const redFlags = (flagsRaw as unknown[]).slice(0, 50).map((f, i) => {
    const flag = f as Record<string, unknown>;
    return {
      group: text_(flag?.group, ['redFlags', i, 'group'], `Red flag ${i + 1}'s group`),
      name: text_(flag?.name, ['redFlags', i, 'name'], `Red flag ${i + 1}'s name`),
      description: text_(flag?.description, ['redFlags', i, 'description'], `Red flag ${i + 1}'s description`),
    };
  });
  return {
    id,
    title: text_(raw.title, ['title'], '"title"'),
    source: text_(raw.source, ['source'], '"source"'),
    scale,
    levels,
    bands,
    criteria,
    redFlags,
  };
}
