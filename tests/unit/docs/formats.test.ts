// docs/formats.md is the format's contract for people writing JSON by hand: it must name every
// property, call setting, kind and fault type the code accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALL_FIELDS, DEFAULT_CALL, FAULT_TYPES, KINDS, NODE_FIELDS } from '../../../src/model';
import { withSchemaTables } from '../../../scripts/docs/schemaTables';

const doc = readFileSync('docs/formats.md', 'utf8');

describe('docs/formats.md', () => {
  it.each([...NODE_FIELDS.map((f) => f.key), ...CALL_FIELDS.map((f) => f.key), ...KINDS, ...FAULT_TYPES.map((f) => f.type)])('documents %s', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  it('holds the field tables exactly as the schema states them (run `npm run docs` after changing a field)', () => {
    expect(withSchemaTables(doc)).toBe(doc);
  });

  it('states the real default of every call setting', () => {
    for (const [key, value] of Object.entries(DEFAULT_CALL)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${key}\``))!;
      const shown = typeof value === 'number' ? value.toLocaleString('en-US') : typeof value === 'string' ? `\`${value}\`` : String(value);
      expect(row, key).toContain(`| ${shown} |`);
    }
  });
});
