import { describe, expect, it } from 'vitest';
import { checkOutcome, measure } from '../../../src/templates/outcomes';
import type { Expectation } from '../../../src/templates/types';
import { hangRun } from '../../helpers/runs';

const during = (what: Expectation['what'], of: string, extra: Partial<Expectation> = {}): Expectation => ({ what, of, fromMs: 12_000, toMs: 28_000, ...extra });

describe('drill outcomes', () => {
  const run = hangRun();
  const withBreaker = hangRun({ breaker: true });

  it('measures client success over a window of the run', () => {
    expect(measure(run, during('success', 'client'))).toBeLessThan(0.1);
    expect(measure(run, { ...during('success', 'client'), fromMs: 45_000, toMs: 60_000 })).toBeGreaterThan(0.99);
  });

  it('measures node failures, queue depth, load and utilisation', () => {
    expect(measure(run, during('failures', 'api'))).toBeGreaterThan(0.9);
    expect(measure(run, during('queue', 'db'))).toBeGreaterThan(100);
    const load = measure(run, { ...during('load', 'api'), fromMs: 40_000, toMs: 60_000 });
    expect(load).toBeGreaterThan(80);
    expect(load).toBeLessThan(120);
    expect(measure(run, during('utilisation', 'db'))).toBeGreaterThan(0.9);
  });

  it('measures the breaker on a connection by its ends', () => {
    expect(measure(withBreaker, during('breaker', 'api->db'))).toBeGreaterThan(0.3);
    expect(measure(run, during('breaker', 'api->db'))).toBe(0);
    expect(measure(run, during('attempts', 'api->db'))).toBe(1);
  });

  it('says whether the outcome was met, with the number and its bound', () => {
    const check = checkOutcome(run, during('success', 'client', { below: 0.6 }), 'Users');
    expect(check.met).toBe(true);
    expect(check.text).toMatch(/^Users success, 12–28 s: \d+\.\d% \(expected below 60\.0%\)$/);
    expect(checkOutcome(run, during('success', 'client', { above: 0.6 })).met).toBe(false);
  });

  it('refuses a part the run does not have', () => {
    expect(() => measure(run, during('success', 'nobody'))).toThrow('The run has no client "nobody"');
    expect(() => measure(run, during('breaker', 'db->api'))).toThrow('The run has no connection db->api');
  });
});
