// The person's own questions for the gallery: Markdown files they imported, kept whole so the
// same parser reads them as the built-in bank. Adding one with an id already stored replaces it.
import type { FaultlineDb } from './db';
import type { QuestionRecord } from './records';

export class QuestionStore {
  constructor(
    private readonly db: FaultlineDb,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(): Promise<QuestionRecord[]> {
    return this.db.questions.orderBy('addedAt').toArray();
  }

  async put(id: string, title: string, text: string): Promise<QuestionRecord> {
    const record: QuestionRecord = { id, title, text, addedAt: this.clock() };
    await this.db.questions.put(record);
    return record;
  }

  async remove(id: string): Promise<void> {
    await this.db.questions.delete(id);
  }
}
