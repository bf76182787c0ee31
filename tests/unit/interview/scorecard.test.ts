import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRubric } from '../../../src/interview/rubric';
import { emptyScorecard, feedbackReport } from '../../../src/interview/scorecard';

const rubric = parseRubric(readFileSync(join(__dirname, '../../../templates/rubrics/senior-weighted.md'), 'utf8'));

describe('the feedback report', () => {
  it('fills the guide’s template: scores, weighted score, evidence with times, recommendation', () => {
    const card = {
      ...emptyScorecard(rubric.id, 'Distributed cache'),
      candidate: 'Ada',
      interviewer: 'Grace',
      scores: {
        'Technical Architecture': 4,
        'Scalability & Performance': 3,
        'Distributed Systems Knowledge': 3,
        'Production Readiness': 2,
        'Communication & Leadership': 3,
      },
      production: 1,
      evidence: [
        { id: 'e2', t: 754_000, kind: 'gap' as const, text: 'No story for cache stampede', nodeLabel: 'Cache' },
        { id: 'e1', t: 125_000, kind: 'highlight' as const, text: 'Asked for read/write ratio first' },
        { id: 'e3', t: 30_000, kind: 'highlight' as const, text: '**bold** <script>alert(1)</script>\n# heading' },
      ],
    };
    const md = feedbackReport(card, rubric, {
      date: '2026-12-03',
      session: null,
      runs: [
        { t: 600_000, summary: 'Cache node crashes: p99 rose to 840 ms' },
        {
          t: 900_000,
          summary: 'Drill: cache crash (with the fix): Web 99.8% success',
          verdict: {
            drill: 'Cache crash',
            variant: 'with the fix',
            checks: [
              { text: 'Web success stays above 99%', met: true },
              { text: 'DB utilisation stays below 80%', met: false },
            ],
          },
        },
      ],
    });
    expect(md).toContain('**Candidate:** Ada');
    expect(md).toContain('- Technical Architecture (30%): 4 / 4 (Excellent)');
    expect(md).toContain('- Production Readiness (15%): 2 / 4 (Needs Improvement)');
    expect(md).toContain('- **Weighted Score:** 3.15 / 4.0');
    expect(md).toContain('- [x] Hire (from 2.8)');
    expect(md).toContain('- [ ] Strong Hire (from 3.5)');
    expect(md).toContain('- [x] Some production experience but limited scale');
    expect(md.indexOf('0:30')).toBeLessThan(md.indexOf('2:05 Asked for read/write ratio first'));
    expect(md).toContain('- 12:34 No story for cache stampede (on Cache)');
    expect(md).toContain('- 10:00 Cache node crashes: p99 rose to 840 ms');
    // A drill says what it showed: each stated outcome, held or not.
    expect(md).toContain('  - Drill Cache crash (with the fix): 1 of 2 stated outcomes held');
    expect(md).toContain('    - held: Web success stays above 99%');
    expect(md).toContain('    - not held: DB utilisation stays below 80%');
    // People's text cannot restructure the report or carry markup.
    expect(md).toContain('\\*\\*bold\\*\\* \\<script\\>alert(1)\\</script\\> \\# heading');
    expect(md).not.toMatch(/^# heading/m);
  });

  it('says what is not scored yet', () => {
    const md = feedbackReport({ ...emptyScorecard(rubric.id), scores: { 'Technical Architecture': 3 } }, rubric, {
      date: '2026-12-03',
      session: null,
      runs: [],
    });
    expect(md).toContain('- **Weighted Score:** 3.00 / 4.0 (1 of 5 criteria scored)');
    expect(md).toContain('- Scalability & Performance (25%): - / 4');
  });
});
