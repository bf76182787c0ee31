// "Start from template": the question's diagram, made runnable by its setup and carrying its
// drills as scenarios, becomes a new diagram in the library, with the brief open beside it.
import { layoutInWorker } from '../../layout/browserLayout';
import { templateDiagram } from '../../templates/templateDiagram';
import type { QuestionTemplate } from '../../templates/types';
import { uiStore } from '../stores';

const session = async () => (await import('../library/session')).session;

export async function startFromTemplate(template: QuestionTemplate, index = 1): Promise<void> {
  try {
    const diagram = await templateDiagram(template, index, layoutInWorker);
    const drills = diagram.scenarios.length;
    await (await session()).adopt(diagram, `Started from “${template.title}”${drills ? `: ${drills} ${drills === 1 ? 'drill' : 'drills'} ready to run` : ''}`);
    uiStore.getState().toggle('galleryOpen', false);
    uiStore.getState().toggle('briefOpen', true);
  } catch (error) {
    uiStore.getState().notify(`“${template.title}” could not be opened: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}
