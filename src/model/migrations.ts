// Small named steps that bring an older document up to the current schema. Every load path
// (database, file, link, template) runs them. A step takes the raw record of its version and
// returns the raw record of the next; steps are never removed.
import { SCHEMA_VERSION } from './types';

export interface Migration {
  from: number;
  name: string;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  // Version 1 is the first schema; later versions append their step here.
];

export class NewerSchemaError extends Error {
  constructor(readonly version: number) {
    super(`This diagram was saved by a newer version of Faultline (schema ${version}; this app reads up to ${SCHEMA_VERSION}). Update the app to open it.`);
    this.name = 'NewerSchemaError';
  }
}

/** Brings a raw document to the current schema; records without a version count as version 1. */
export function migrate(raw: Record<string, unknown>, applied: string[] = []): Record<string, unknown> {
  let version = typeof raw.schemaVersion === 'number' && Number.isInteger(raw.schemaVersion) ? raw.schemaVersion : 1;
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
  let doc = raw;
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`No migration from schema ${version}`);
    doc = step.up(doc);
    applied.push(step.name);
    version += 1;
  }
  return { ...doc, schemaVersion: SCHEMA_VERSION };
}
