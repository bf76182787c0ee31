import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { SECTION_TITLES } from '../../../src/postmortem/document';
import { writePostmortem } from '../../../src/postmortem/postmortem';
import { escapeMarkdown } from '../../../src/postmortem/render';
import { createScenario } from '../../../src/model';
import { simulate } from '../../../src/sim/simulate';
import { fault, threeTier } from '../../helpers/builders';
import { HANG_FROM, HANG_TO, hangRun } from '../../helpers/runs';

const HOSTILE = '<script>alert(1)</script> [x](javascript:alert(1)) | *b*';

describe('postmortem', () => {
  const run = hangRun();
  const { diagram } = threeTier();

  it('takes every figure from the run: requests, failures, success, the fault and the impact window', () => {
    const { facts } = writePostmortem(diagram, run);
    const users = run.summary.clients[0];
    expect(facts.requests).toBe(users.requests);
    expect(facts.failed).toBe(users.failures);
    expect(facts.affected).toHaveLength(1);
    expect(facts.affected[0]).toMatchObject({ label: 'Users', failed: users.failures, successRatio: users.successRatio });
    expect(facts.faults).toEqual([{ text: 'Orders DB hangs', from: HANG_FROM, to: HANG_TO }]);
    // Users leave their SLO after the hang starts and are back after it ends.
    expect(facts.window!.from).toBeGreaterThanOrEqual(HANG_FROM);
    expect(facts.window!.to).toBeGreaterThan(HANG_TO);
    expect(facts.peakMs).toBeGreaterThan(HANG_FROM);
    expect(facts.peakMs).toBeLessThanOrEqual(HANG_TO);
    expect(facts.nodes.map((n) => n.label).sort()).toEqual(['API', 'Orders DB']);
    const db = facts.edges.find((e) => e.to === 'Orders DB')!;
    expect(db.timeouts).toBe(run.summary.edges.find((e) => e.target === 'db')!.timeouts);
    expect(db.peakRate).toBeGreaterThan(db.baselineRate);
  });

  it('has every section, in order, in both renderings, and a figure for the diagram and each affected part', () => {
    const pm = writePostmortem(diagram, run);
    expect(pm.document.sections.map((s) => s.title)).toEqual([...SECTION_TITLES]);
    const headings = [...pm.markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([...SECTION_TITLES]);
    const html = new JSDOM(pm.html).window.document;
    expect([...html.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([...SECTION_TITLES]);
    // The diagram, and two charts each for Users, the API and the database.
    expect(pm.figures).toHaveLength(7);
    expect(html.querySelectorAll('figure svg')).toHaveLength(7);
  });

  it('compares with the fix when given one', () => {
    const fix = hangRun({ breaker: true });
    const { facts, markdown } = writePostmortem(diagram, run, fix);
    expect(facts.fix!.clients[0].b.successRatio).toBe(fix.summary.clients[0].successRatio);
    expect(markdown).toContain('Compared with the run “Hang, with breaker” (seed 3)');
  });

  it('says plainly when nothing broke', () => {
    const quiet = simulate(diagram, createScenario('Quiet', { id: 's_q', seed: 1 }));
    const { facts, markdown } = writePostmortem(diagram, quiet);
    expect(facts.affected).toEqual([]);
    expect(markdown).toContain('No fault was injected in this run.');
    expect(markdown).toContain('No client fell outside its SLO, and no request failed.');
  });

  it('keeps hostile labels as text in Markdown and HTML', () => {
    const { diagram: d, db } = threeTier();
    d.nodes.find((n) => n.id === db)!.label = HOSTILE;
    const hostileRun = simulate(d, createScenario('Hang', { id: 's_h', seed: 2, faults: [fault('hang', db, 10_000, 20_000)] }));
    const pm = writePostmortem(d, hostileRun);
    // Read as Markdown, the text makes no element and no link.
    const rendered = new JSDOM(marked.parse(pm.markdown, { async: false })).window.document;
    expect(rendered.querySelectorAll('script, a')).toHaveLength(0);
    expect(rendered.body.textContent).toContain('[x](javascript:alert(1))');
    const html = new JSDOM(pm.html).window.document;
    expect(html.querySelectorAll('script')).toHaveLength(0);
    expect(html.querySelectorAll('a')).toHaveLength(0);
    expect(html.body.textContent).toContain('<script>alert(1)</script>');
  });

  it('escapes Markdown markup, and block openers only where the text starts a line', () => {
    expect(escapeMarkdown('a *b* [c](d) | e <f> & g')).toBe('a \\*b\\* \\[c\\](d) \\| e &lt;f&gt; &amp; g');
    expect(escapeMarkdown('1. first', true)).toBe('1\\. first');
    expect(escapeMarkdown('# title', true)).toBe('\\# title');
    expect(escapeMarkdown('72.8%')).toBe('72.8%');
  });
});
