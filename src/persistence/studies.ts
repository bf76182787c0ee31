// Replications and sweeps kept with their diagram: small records (estimates and points, not the
// runs), listed newest first, deleted with the diagram.
import type { StudyRecord } from '../editor/studies';
import type { FaultlineDb } from './db';

/** Studies kept per diagram; the oldest go first beyond this. */
export const STUDIES_PER_DIAGRAM = 20;

export class StudyStore {
  constructor(private readonly db: FaultlineDb) {}

  async list(diagramId: string): Promise<StudyRecord[]> {
    return (await this.db.studies.where('diagramId').equals(diagramId).sortBy('createdAt')).reverse();
  }

  async add(study: StudyRecord): Promise<void> {
    await this.db.transaction('rw', this.db.studies, async () => {
      await this.db.studies.put(study);
      const mine = await this.db.studies.where('diagramId').equals(study.diagramId).sortBy('createdAt');
      const excess = mine.slice(0, Math.max(0, mine.length - STUDIES_PER_DIAGRAM));
      if (excess.length > 0) await this.db.studies.bulkDelete(excess.map((s) => s.id));
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.studies.delete(id);
  }
}
