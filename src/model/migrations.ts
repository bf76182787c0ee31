// Small named steps that bring an older record up to its current version, one list per record
// type. Every load path runs them (database, file, link, template for diagrams; database and
// files for recorded runs). A step takes the raw record of its version and returns the raw record
// of the next; steps are never removed, and each has a fixture (tests/fixtures/schema).
import { SCHEMA_VERSION } from './types';

export interface Migration {
  from: number;
  name: string;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

export interface RecordMigrations {
  /** The record type, for messages. */
  record: string;
  current: number;
  /** The key holding the record's version; records without one count as version 1. */
  versionKey: string;
  steps: readonly Migration[];
  /** The error for a record written by a newer app. */
  newer(version: number): Error;
}

export class NewerSchemaError extends Error {
  constructor(readonly version: number) {
    super(`This diagram was saved by a newer version of Faultline (schema ${version}; this app reads up to ${SCHEMA_VERSION}). Update the app to open it.`);
    this.name = 'NewerSchemaError';
  }
}

export const MIGRATIONS: readonly Migration[] = [
  // Version 1 is the first diagram schema; later versions append their step here.
];

export const DIAGRAM_MIGRATIONS: RecordMigrations = {
  record: 'diagram',
  current: SCHEMA_VERSION,
  versionKey: 'schemaVersion',
  steps: MIGRATIONS,
  newer: (version) => new NewerSchemaError(version),
};

/** Brings a raw record to its current version, naming each step applied in `applied`. */
export function migrateRecord(spec: RecordMigrations, raw: Record<string, unknown>, applied: string[] = []): Record<string, unknown> {
  const stated = raw[spec.versionKey];
  let version = typeof stated === 'number' && Number.isInteger(stated) && stated >= 1 ? stated : 1;
  if (version > spec.current) throw spec.newer(version);
  let record = raw;
  while (version < spec.current) {
    const step = spec.steps.find((m) => m.from === version);
    if (!step) throw new Error(`No ${spec.record} migration from version ${version}`);
    record = step.up(record);
    applied.push(step.name);
    version += 1;
  }
  return { ...record, [spec.versionKey]: spec.current };
}

/** Brings a raw document to the current schema. */
export function migrate(raw: Record<string, unknown>, applied: string[] = []): Record<string, unknown> {
  return migrateRecord(DIAGRAM_MIGRATIONS, raw, applied);
}
