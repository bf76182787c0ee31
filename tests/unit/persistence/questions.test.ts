import { IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSIONS } from '../../../src/persistence/db';
import { QuestionStore } from '../../../src/persistence/questions';
import { testDb } from '../../helpers/testDb';

describe('the person’s own questions', () => {
  it('keeps imported question files, oldest first, replacing one with the same id', async () => {
    let now = 1_000;
    const store = new QuestionStore(testDb(), () => now++);
    await store.put('chat', 'Design a chat app', '---\nid: chat\n---');
    await store.put('feed', 'Design a feed', '---\nid: feed\n---');
    await store.put('chat', 'Design a chat app, take two', '---\nid: chat\n---\n2');
    expect((await store.list()).map((q) => [q.id, q.title])).toEqual([
      ['feed', 'Design a feed'],
      ['chat', 'Design a chat app, take two'],
    ]);
    await store.remove('feed');
    expect((await store.list()).map((q) => q.id)).toEqual(['chat']);
  });

  it('upgrades a version 1 database without losing its diagrams', async () => {
    const db = testDb();
    const v1 = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
    v1.version(1).stores(DB_VERSIONS[0].stores);
    await v1.table('diagrams').put({ id: 'd1', name: 'Kept', updatedAt: 1, revision: 1 });
    v1.close();
    await db.open();
    expect(db.verno).toBe(DB_VERSIONS.length);
    expect((await db.diagrams.get('d1'))?.name).toBe('Kept');
    expect(await db.questions.count()).toBe(0);
  });
});
