// The field tables of docs/formats.md, written from the schema (src/model/schema): the doc cannot
// state a range, a unit or a default the code does not have. `npm run docs` rewrites them in
// place between their markers; tests/unit/docs/formats.test.ts fails when they are out of date.
import { CALL_FIELDS, FAULT_TYPES, type Field, NODE_FIELDS, SCENARIO_FIELDS } from '../../src/model';

const HOUR = 3_600_000;

/** A number as the JSON holds it, milliseconds in hours where they are whole hours. */
function raw(field: Field, value: number): string {
  if (field.type === 'number' && jsonUnit(field) === 'ms' && value >= HOUR && value % HOUR === 0) return `${value / HOUR} h`;
  return value.toLocaleString('en-US');
}

/** The unit of the value in the JSON (fractions are stored as 0..1, times as milliseconds). */
function jsonUnit(field: Field): string {
  if (field.type === 'flag') return 'boolean';
  if (field.type === 'choice') return '';
  if (field.scale === 100) return 'fraction';
  if (field.scale === 0.001) return 'ms';
  return field.unit;
}

function range(field: Field): string {
  if (field.type === 'number') return `${raw(field, field.min)} to ${raw(field, field.max)}${field.integer ? ', whole' : ''}`;
  if (field.type === 'choice') return field.options.map((o) => `\`${o.value}\``).join(', ');
  return '';
}

function defaultText(field: Field): string {
  if (field.default === undefined) return '';
  if (typeof field.default === 'string') return `\`${field.default}\``;
  if (typeof field.default === 'boolean') return String(field.default);
  return raw(field, field.default);
}

function table(fields: readonly Field[], withDefault: boolean): string {
  const head = withDefault
    ? '| key | unit | range | default | meaning |\n| --- | --- | --- | --- | --- |'
    : '| key | unit | range | meaning |\n| --- | --- | --- | --- |';
  const rows = fields.map((f) =>
    withDefault
      ? `| \`${f.key}\` | ${jsonUnit(f)} | ${range(f)} | ${defaultText(f)} | ${f.doc ?? f.label} |`
      : `| \`${f.key}\` | ${jsonUnit(f)} | ${range(f)} | ${f.doc ?? f.label} |`,
  );
  return [head, ...rows].join('\n');
}

function faultParams(): string {
  const seen = new Map<string, Field>();
  for (const t of FAULT_TYPES) for (const p of t.params) seen.set(`${p.key}:${p.label}`, p);
  const rows = [...seen.values()].map((p) => {
    const types = FAULT_TYPES.filter((t) => t.params.includes(p as never)).map((t) => `\`${t.type}\``);
    return `| \`${p.key}\` | ${types.join(', ')} | ${jsonUnit(p)} | ${range(p)} | ${p.label} |`;
  });
  return ['| parameter | of | unit | range | meaning |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The generated tables by marker name. */
export function schemaTables(): Record<string, string> {
  return {
    'node-props': table(NODE_FIELDS, true),
    'call-settings': table(CALL_FIELDS, true),
    'scenario-settings': table(SCENARIO_FIELDS, true),
    'fault-params': faultParams(),
  };
}

const marker = (name: string) => new RegExp(`(<!-- schema:${name} -->)[\\s\\S]*?(<!-- /schema:${name} -->)`);

/** The document with every marked table replaced by the generated one. */
export function withSchemaTables(doc: string): string {
  let out = doc;
  for (const [name, text] of Object.entries(schemaTables())) {
    if (!marker(name).test(out)) throw new Error(`docs/formats.md has no <!-- schema:${name} --> marker`);
    out = out.replace(marker(name), (_, open: string, close: string) => `${open}\n${text}\n${close}`);
  }
  return out;
}
