// The interviewer's scorecard: scores per criterion of a rubric, red flags, the production and
// collaboration indicators of the guide's feedback template, and evidence notes pinned to a
// moment of the interview (and optionally to a node or a run). It never enters the diagram, so
// no share link, file or Mermaid export can carry it.
import type { Rubric } from './score';
import { scoreRubric } from './score';
import type { InterviewSession, RunEvent } from './session';

export type EvidenceKind = 'highlight' | 'gap' | 'note';

export interface Evidence {
  id: string;
  /** Interview time, milliseconds. */
  t: number;
  kind: EvidenceKind;
  text: string;
  nodeId?: string;
  nodeLabel?: string;
  runId?: string;
}

export const PRODUCTION_INDICATORS = [
  'Strong evidence of building large-scale systems',
  'Some production experience but limited scale',
  'Limited production experience',
  'No clear production experience',
] as const;

export const COLLABORATION_INDICATORS = [
  'Natural technical leader - explains concepts clearly, collaborative',
  'Good collaborator - works well with others, clear communication',
  'Adequate collaboration - some communication challenges',
  'Poor collaboration - significant communication or teamwork concerns',
] as const;

export interface Scorecard {
  rubricId: string;
  candidate: string;
  interviewer: string;
  problem: string;
  scores: Record<string, number>;
  redFlags: string[];
  production: number | null;
  collaboration: number | null;
  evidence: Evidence[];
  /** Free text for the hiring manager. */
  nextSteps: string;
}

export function emptyScorecard(rubricId: string, problem = ''): Scorecard {
  return { rubricId, candidate: '', interviewer: '', problem, scores: {}, redFlags: [], production: null, collaboration: null, evidence: [], nextSteps: '' };
}

/** m:ss of interview time. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const box = (on: boolean) => (on ? '[x]' : '[ ]');
/** Text from people, on one line and without Markdown that could restructure the report. */
const line = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .trim();

/** A run of the interview, as the session recorded it: when, its summary, a drill's verdict. */
export type ReportRun = Pick<RunEvent, 't' | 'summary' | 'verdict'>;

export interface ReportContext {
  date: string;
  session: InterviewSession | null;
  runs: ReportRun[];
}

/** A run in the report's words: when, how it went, and a drill's outcomes held or not. */
export function runLines(run: ReportRun): string[] {
  const out = [`- ${clockText(run.t)} ${line(run.summary)}`];
  const v = run.verdict;
  if (v) {
    const held = v.checks.filter((c) => c.met).length;
    out.push(`  - Drill ${line(v.drill)} (${line(v.variant)}): ${held} of ${v.checks.length} stated outcomes held`);
    for (const c of v.checks) out.push(`    - ${c.met ? 'held' : 'not held'}: ${line(c.text)}`);
  }
  return out;
}

/** The guide's Detailed Feedback Template, filled in, as Markdown. */
export function feedbackReport(card: Scorecard, rubric: Rubric, ctx: ReportContext): string {
  const result = scoreRubric(rubric, card.scores);
  const totalWeight = rubric.criteria.reduce((n, c) => n + c.weight, 0);
  const out: string[] = [];
  out.push(`## ${line(rubric.title)}`, '');
  out.push(`**Candidate:** ${line(card.candidate) || '(not given)'}  `);
  out.push(`**Interviewer:** ${line(card.interviewer) || '(not given)'}  `);
  out.push(`**Date:** ${ctx.date}  `);
  out.push(`**Problem Used:** ${line(card.problem) || '(not given)'}  `);
  if (ctx.session) out.push(`**Length:** ${clockText(ctx.session.events.at(-1)?.t ?? 0)}  `);
  out.push('', '### Scores (Weighted)');
  for (const c of rubric.criteria) {
    const s = card.scores[c.name];
    const weight = Math.round((c.weight / totalWeight) * 100);
    out.push(`- ${line(c.name)} (${weight}%): ${s ?? '-'} / ${rubric.scale.max}${s !== undefined ? ` (${line(rubric.levels[s] ?? '')})` : ''}`);
  }
  out.push(
    `- **Weighted Score:** ${result.score === null ? '-' : result.score.toFixed(2)} / ${rubric.scale.max.toFixed(1)}${result.scored < rubric.criteria.length ? ` (${result.scored} of ${rubric.criteria.length} criteria scored)` : ''}`,
  );
  const evidence = (kind: EvidenceKind) =>
    card.evidence
      .filter((e) => e.kind === kind)
      .sort((a, b) => a.t - b.t)
      .map((e) => `- ${clockText(e.t)} ${line(e.text)}${e.nodeLabel ? ` (on ${line(e.nodeLabel)})` : ''}`);
  const highlights = evidence('highlight');
  const gaps = evidence('gap');
  const notes = evidence('note');
  out.push('', '### Technical Highlights', '**Strongest Areas:**', ...(highlights.length ? highlights : ['- (none noted)']));
  out.push('', '### Areas for Development', '**Technical Gaps:**', ...(gaps.length ? gaps : ['- (none noted)']));
  if (notes.length) out.push('', '### Notes during the interview', ...notes);
  if (rubric.redFlags.length) {
    out.push('', '### Red Flags');
    for (const f of rubric.redFlags) out.push(`- ${box(card.redFlags.includes(f.name))} ${line(f.group)}: ${line(f.name)} - ${line(f.description)}`);
  }
  out.push('', '### Production Experience Assessment', ...PRODUCTION_INDICATORS.map((t, i) => `- ${box(card.production === i)} ${t}`));
  out.push('', '### Collaboration & Leadership Indicators', ...COLLABORATION_INDICATORS.map((t, i) => `- ${box(card.collaboration === i)} ${t}`));
  if (rubric.bands.length) {
    out.push('', '### Recommendation');
    for (const b of rubric.bands) out.push(`- ${box(result.band === b.label)} ${line(b.label)} (from ${b.from.toFixed(1)})`);
  }
  if (ctx.runs.length) out.push('', '### Drills and runs', ...ctx.runs.flatMap(runLines));
  out.push('', '### Next Steps/Notes for Hiring Manager', line(card.nextSteps) || '(none)', '');
  return out.join('\n');
}
