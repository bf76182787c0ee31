// The Interview menu: the interviewer's scorecard and session, and the feedback report.
import type { Command } from './registry';

export const INTERVIEW_COMMANDS: Command[] = [
  {
    id: 'interview.scorecard',
    label: 'Scorecard and session',
    menu: 'Interview',
    keywords: ['rubric', 'score', 'evidence', 'interviewer', 'replay'],
    run: (e) => e.interview.openPanel(),
  },
  { id: 'interview.report', label: 'Export feedback report (.md)', menu: 'Interview', run: (e) => e.interview.exportReport() },
  {
    id: 'interview.print',
    label: 'Print feedback report (PDF)…',
    menu: 'Interview',
    keywords: ['pdf', 'printable', 'feedback'],
    run: (e) => e.interview.openPrint(),
  },
  {
    id: 'interview.backToNow',
    label: 'Back to now (leave the session replay)',
    menu: 'Interview',
    when: (e) => e.interview.previewing,
    run: (e) => e.interview.scrub(null),
  },
];
