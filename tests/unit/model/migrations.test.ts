// Every schema version ever shipped has a fixture, every fixture loads on every load path, and
// every migration step is exercised by some fixture (a step no fixture reaches fails here).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDiagramFile } from '../../../src/files/diagramFile';
import { restoreDiagram } from '../../../src/files/restoreDiagram';
import { decodeShareFragment } from '../../../src/files/shareLink';
import { deflateSync, strToU8 } from 'fflate';
import { migrate, MIGRATIONS, NewerSchemaError, SCHEMA_VERSION, validateDiagram } from '../../../src/model';

const DIR = 'tests/fixtures/schema';
const fixtures = readdirSync(DIR)
  .filter((f) => /^v\d+\.faultline\.json$/.test(f))
  .map((f) => ({ version: Number(f.slice(1, f.indexOf('.'))), text: readFileSync(`${DIR}/${f}`, 'utf8') }));

function shareFragment(text: string): string {
  const bytes = deflateSync(strToU8(text));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `share=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('schema migrations', () => {
  it('has a fixture for every schema version from 1 to the current one', () => {
    expect(fixtures.map((f) => f.version).sort((a, b) => a - b)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it.each(fixtures.map((f) => [f.version, f.text]))('upgrades the schema %s fixture on the database, file and link paths', (_, text) => {
    const raw = JSON.parse(text).diagram;
    const paths = [
      restoreDiagram(structuredClone(raw)).diagram, // database (Library.load restores the stored record the same way)
      parseDiagramFile(text).diagram, // file
      decodeShareFragment(shareFragment(text)).diagram, // link
    ];
    for (const d of paths) {
      expect(d.schemaVersion).toBe(SCHEMA_VERSION);
      expect(validateDiagram(d)).toEqual([]);
      expect(d.nodes.map((n) => n.id)).toEqual(['users', 'az', 'api', 'db']);
      expect(d.scenarios[0].faults[0].target.id).toBe('db');
    }
  });

  it('exercises every migration step with some fixture', () => {
    const applied: string[] = [];
    for (const f of fixtures) migrate(JSON.parse(f.text).diagram, applied);
    expect(new Set(applied)).toEqual(new Set(MIGRATIONS.map((m) => m.name)));
  });

  it('refuses a document from a newer schema with a clear message, on every path', () => {
    const newer = JSON.parse(fixtures[0].text);
    newer.diagram.schemaVersion = SCHEMA_VERSION + 1;
    const text = JSON.stringify(newer);
    expect(() => migrate(newer.diagram)).toThrow(NewerSchemaError);
    expect(() => parseDiagramFile(text)).toThrow(/newer version of Faultline \(schema 2; this app reads up to 1\)/);
    expect(() => decodeShareFragment(shareFragment(text))).toThrow(/newer version of Faultline/);
  });
});
