// A scenario goes by what it breaks until the person names it.
import { describe, expect, it } from 'vitest';
import { createScenario, newFault } from '../../../src/model';
import { scenarioTitle } from '../../../src/sim/describe';
import { threeTier } from '../../helpers/builders';

describe('scenario titles', () => {
  const { diagram } = threeTier();
  const hang = newFault('hang', { type: 'node', id: 'db' }, 20_000, 60_000, 15_000);

  it('names a given name by its first fault and when it acts', () => {
    expect(scenarioTitle(createScenario('Baseline', { faults: [hang] }), diagram)).toBe('Orders DB hangs 20–35 s');
    const crash = newFault('crash', { type: 'node', id: 'api' }, 5_500, 60_000, 3_500);
    expect(scenarioTitle(createScenario('Scenario 2', { faults: [hang, crash] }), diagram)).toBe(
      `${diagram.nodes.find((n) => n.id === 'api')!.label} crashes 5.5–9 s + 1 more`,
    );
  });

  it('keeps the person’s own name, and a scenario with nothing to say', () => {
    expect(scenarioTitle(createScenario('Black Friday', { faults: [hang] }), diagram)).toBe('Black Friday');
    expect(scenarioTitle(createScenario('Baseline'), diagram)).toBe('Baseline');
  });
});
