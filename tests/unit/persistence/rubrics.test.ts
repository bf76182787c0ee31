import { describe, expect, it } from 'vitest';
import { Library } from '../../../src/persistence/library';
import { RubricStore } from '../../../src/persistence/rubrics';
import { testDb } from '../../helpers/testDb';

describe('the person’s own rubrics', () => {
  it('keeps rubric files beside the settings, oldest first, replacing one with the same id, touching no setting', async () => {
    const db = testDb();
    let now = 1_000;
    const store = new RubricStore(db, () => now++);
    const settings = new Library(db);
    await settings.setSetting('lastOpenDiagram', 'd1');
    await settings.setSetting('interview:d1', { card: {} });
    await store.put('team', 'Team rubric', '---\nid: team\n---');
    await store.put('bar', 'Bar raiser', '---\nid: bar\n---');
    await store.put('team', 'Team rubric, v2', '---\nid: team\n---\n2');
    expect((await store.list()).map((r) => [r.id, r.title])).toEqual([
      ['bar', 'Bar raiser'],
      ['team', 'Team rubric, v2'],
    ]);
    await store.remove('bar');
    expect((await store.list()).map((r) => r.id)).toEqual(['team']);
    expect(await settings.getSetting('lastOpenDiagram')).toBe('d1');
    expect(await settings.getSetting('interview:d1')).toEqual({ card: {} });
  });

  it('leaves out a damaged record instead of failing the list', async () => {
    const db = testDb();
    const store = new RubricStore(db);
    await store.put('team', 'Team rubric', 'text');
    await db.settings.put({ key: 'rubric:broken', value: { id: 7 } });
    expect((await store.list()).map((r) => r.id)).toEqual(['team']);
  });
});
