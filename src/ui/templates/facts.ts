// A template's facts on one line, as the gallery and the brief show them (a guide has no difficulty).
import type { QuestionTemplate } from '../../templates/types';

export function templateFacts(t: QuestionTemplate, which: 'short' | 'full' = 'full'): string {
  const facts = which === 'short' ? [t.category, t.difficulty] : [t.category, t.difficulty, `${t.minutes} min`, t.source];
  return facts.filter(Boolean).join(' · ');
}
