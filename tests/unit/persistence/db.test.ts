// The database's version history only grows, and an old tab meeting a newer database stops.
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSIONS } from '../../../src/persistence/db';
import { Library } from '../../../src/persistence/library';
import { DATA_VERSION } from '../../../src/persistence/records';
import { testDb } from '../../helpers/testDb';

describe('the database schema', () => {
  it('keeps every version declaration ever shipped, unchanged', () => {
    const shipped = JSON.parse(readFileSync('tests/fixtures/schema/dexie-versions.json', 'utf8'));
    expect(DB_VERSIONS.slice(0, shipped.length)).toEqual(shipped);
    expect(DB_VERSIONS.map((v) => v.version)).toEqual(DB_VERSIONS.map((_, i) => i + 1));
  });

  it('records its data version, and an older app that finds a newer one must not write', async () => {
    const lib = new Library(testDb());
    expect(await lib.claimDataVersion()).toBe('ok');
    expect(await lib.getSetting('dataVersion')).toBe(DATA_VERSION);
    await lib.setSetting('dataVersion', DATA_VERSION + 1);
    expect(await lib.claimDataVersion()).toBe('newer');
  });

  it('closes this tab’s connection when a newer version of the database is opened elsewhere', async () => {
    const factory = new IDBFactory();
    const old = testDb(factory, 'shared');
    await old.open();
    let told = false;
    old.on('versionchange', () => {
      told = true;
    });
    const newer = new Dexie('shared', { indexedDB: factory, IDBKeyRange });
    newer.version(DB_VERSIONS.length + 1).stores({ ...DB_VERSIONS[DB_VERSIONS.length - 1].stores, extra: '&id' });
    await newer.open();
    expect(told).toBe(true);
    expect(old.isOpen()).toBe(false);
    newer.close();
  });
});
