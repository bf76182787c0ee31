// A fresh in-memory IndexedDB per test (fake-indexeddb), and a Dexie middleware that makes the
// next write fail with any error, as a full disk or a closed connection would.
import type { DBCore, DBCoreTable } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FaultlineDb } from '../../src/persistence/db';

let n = 0;

export interface FailureSwitch {
  /** The next write (any table) fails with what this makes. */
  failNextWrite(make: () => unknown): void;
  /** Every write fails until cleared. */
  failWrites(make: (() => unknown) | null): void;
}

export function testDb(factory: IDBFactory = new IDBFactory(), name = `faultline-test-${++n}`): FaultlineDb & { failures: FailureSwitch; factory: IDBFactory } {
  const db = new FaultlineDb(name, { indexedDB: factory, IDBKeyRange }) as FaultlineDb & { failures: FailureSwitch; factory: IDBFactory };
  let once: (() => unknown) | null = null;
  let always: (() => unknown) | null = null;
  db.use({
    stack: 'dbcore',
    name: 'test-failures',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(tableName: string): DBCoreTable {
          const table = down.table(tableName);
          return {
            ...table,
            mutate(req) {
              const make = once ?? always;
              if (make) {
                once = null;
                return Promise.reject(make());
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
  db.failures = { failNextWrite: (make) => (once = make), failWrites: (make) => (always = make) };
  db.factory = factory;
  return db;
}

/** Errors shaped as browsers and Dexie raise them. */
export const storageErrors = {
  quota: () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }),
  firefoxQuota: () => Object.assign(new Error('Quota reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }),
  nestedQuota: () =>
    Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: Object.assign(new Error('quota'), { name: 'QuotaExceededError' }) }),
  closed: () => Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }),
  versionChange: () => Object.assign(new Error('Database version changed'), { name: 'VersionChangeError' }),
};
