// The person's own rubric files for the scorecard, kept whole (the same parser reads them as the
// shipped ones) in the settings table under "rubric:<id>", where the interviews are kept too: a
// new table would need a schema version, and a new version stops every tab still open on the old
// one. Adding one with an id already stored replaces it.
import type { FaultlineDb } from './db';
import type { QuestionRecord } from './records';

const PREFIX = 'rubric:';

const isFile = (v: unknown): v is QuestionRecord => {
  const f = v as QuestionRecord;
  return typeof f === 'object' && f !== null && typeof f.id === 'string' && typeof f.text === 'string' && typeof f.addedAt === 'number';
};

export class RubricStore {
  constructor(
    private readonly db: FaultlineDb,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(): Promise<QuestionRecord[]> {
    const rows = await this.db.settings.where('key').startsWith(PREFIX).toArray();
    return rows
      .map((r) => r.value)
      .filter(isFile)
      .sort((a, b) => a.addedAt - b.addedAt);
  }

  async put(id: string, title: string, text: string): Promise<QuestionRecord> {
    const record: QuestionRecord = { id, title, text, addedAt: this.clock() };
    await this.db.settings.put({ key: PREFIX + id, value: record });
    return record;
  }

  async remove(id: string): Promise<void> {
    await this.db.settings.delete(PREFIX + id);
  }
}
