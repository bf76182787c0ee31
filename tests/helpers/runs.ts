// Recorded runs for playback tests: the three-tier chain with its database hanging from 10 s to
// 30 s of a 60 s run, with or without a circuit breaker in front of the database.
import { createScenario } from '../../src/model';
import { simulate } from '../../src/sim/simulate';
import type { RecordedRun } from '../../src/sim/types';
import { fault, threeTier } from './builders';

export const HANG_FROM = 10_000;
export const HANG_TO = 30_000;

export function hangRun(options: { breaker?: boolean; seed?: number } = {}): RecordedRun {
  const { diagram, service, db } = threeTier();
  if (options.breaker) diagram.edges.find((e) => e.source === service && e.target === db)!.call = { breaker: true };
  const scenario = createScenario(options.breaker ? 'Hang, with breaker' : 'Hang', {
    id: 's_hang',
    seed: options.seed ?? 3,
    faults: [fault('hang', db, HANG_FROM, HANG_TO)],
  });
  return simulate(diagram, scenario);
}
