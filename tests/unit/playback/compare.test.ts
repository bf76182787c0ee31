import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/playback/compare';
import { hangRun } from '../../helpers/runs';

describe('comparing two runs', () => {
  const without = hangRun();
  const withBreaker = hangRun({ breaker: true });

  it('pairs the clients and says how success and latency differ', () => {
    const c = compareRuns(without, withBreaker, ['without breaker', 'with breaker']);
    expect(c.clients).toHaveLength(1);
    const users = c.clients[0];
    expect(users.label).toBe('Users');
    expect(users.successPoints).toBeCloseTo((withBreaker.summary.clients[0].successRatio - without.summary.clients[0].successRatio) * 100, 6);
    expect(c.sentences[0]).toMatch(/^Users: success \d+\.\d% in without breaker, \d+\.\d% in with breaker \([+-]\d+\.\d points\); p99 /);
  });

  it('lays both runs on one grid of seconds, with the fault visible in both', () => {
    const c = compareRuns(without, withBreaker);
    expect(c.x).toHaveLength(60);
    const { successA, successB } = c.series[0];
    expect(successA[5]).toBeGreaterThan(99);
    expect(successA[20]).toBeLessThan(50);
    expect(successB[5]).toBeGreaterThan(99);
    expect(successB[50]).toBeGreaterThan(99);
  });

  it('says when the runs are the same', () => {
    const c = compareRuns(without, without);
    expect(c.clients[0].successPoints).toBe(0);
    expect(c.sentences[0]).toMatch(/^Users: the same success/);
  });
});
