import { describe, expect, it } from 'vitest';
import { hopPosition, particleBuffer, particlesAt } from '../../../src/playback/particles';
import { buildRunIndex, HOP_OUTCOMES } from '../../../src/playback/runIndex';
import { hangRun } from '../../helpers/runs';

describe('request particles', () => {
  it('travels out, waits at the callee while it works, and travels back', () => {
    // Sent at 1,000 ms, answered at 3,000 ms, 100 ms of travel each way.
    expect(hopPosition(1_000, 3_000, 900, 100)).toBe(-1);
    expect(hopPosition(1_000, 3_000, 1_050, 100)).toBeCloseTo(0.5);
    expect(hopPosition(1_000, 3_000, 2_000, 100)).toBe(1);
    expect(hopPosition(1_000, 3_000, 3_025, 100)).toBeCloseTo(0.75);
    expect(hopPosition(1_000, 3_000, 3_100, 100)).toBe(-1);
  });

  it('still shows a call far shorter than the travel time', () => {
    expect(hopPosition(1_000, 1_002, 1_050, 100)).toBeCloseTo(0.5);
    expect(hopPosition(1_000, 1_002, 1_150, 100)).toBeCloseTo(0.5);
  });

  it('finds the sampled hops in flight, crowded at the hung database', () => {
    const index = buildRunIndex(hangRun());
    const out = particleBuffer(5_000);
    // Just after the hang starts, calls wait at the database until their callers time out.
    const inFlight = particlesAt(index.hops, 10_600, 200, out);
    expect(inFlight).toBe(out.count);
    let parkedAtDb = 0;
    for (let i = 0; i < out.count; i++) if (out.edge[i] === 'eapi-db' && out.position[i] === 1 && HOP_OUTCOMES[out.outcome[i]] === 'timeout') parkedAtDb++;
    expect(parkedAtDb).toBeGreaterThan(5);
    // After the fault, calls succeed again.
    particlesAt(index.hops, 50_000, 200, out);
    const outcomes = new Set(Array.from(out.outcome.subarray(0, out.count), (o) => HOP_OUTCOMES[o]));
    expect(outcomes).toEqual(new Set(['ok']));
  });

  it('keeps at most the buffer capacity but counts every hop in flight', () => {
    const index = buildRunIndex(hangRun());
    const all = particleBuffer(5_000);
    const few = particleBuffer(3);
    const total = particlesAt(index.hops, 20_000, 200, all);
    expect(particlesAt(index.hops, 20_000, 200, few)).toBe(total);
    expect(few.count).toBe(3);
  });
});
