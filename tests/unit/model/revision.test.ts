import { describe, expect, it } from 'vitest';
import { createScenario, simulationRevision } from '../../../src/model';
import { threeTier } from '../../helpers/builders';

describe('the revision of what a simulation reads', () => {
  const scenario = createScenario('Baseline', { id: 's1' });

  it('is the same for the same content, whatever order its keys were written in', () => {
    const a = threeTier().diagram;
    const b = threeTier().diagram;
    b.nodes[1].props = { latencyMs: 30, replicas: 4 };
    a.nodes[1].props = { replicas: 4, latencyMs: 30 };
    expect(simulationRevision(a, scenario)).toBe(simulationRevision(b, scenario));
  });

  it('does not change when nodes move, are renamed or carry notes', () => {
    const d = threeTier().diagram;
    const before = simulationRevision(d, scenario);
    d.nodes[0].position = { x: 999, y: -5 };
    d.nodes[1].label = 'Renamed';
    d.nodes[2].notes = 'Primary in eu-west-1';
    d.name = 'Another name';
    expect(simulationRevision(d, scenario)).toBe(before);
  });

  it('changes with anything the engine reads: a property, a call setting, a connection, the scenario', () => {
    const base = () => threeTier().diagram;
    const before = simulationRevision(base(), scenario);
    const prop = base();
    prop.nodes[1].props.replicas = 9;
    const call = base();
    call.edges[0].call.timeoutMs = 100;
    const edge = base();
    edge.edges.pop();
    expect(simulationRevision(prop, scenario)).not.toBe(before);
    expect(simulationRevision(call, scenario)).not.toBe(before);
    expect(simulationRevision(edge, scenario)).not.toBe(before);
    expect(simulationRevision(base(), { ...scenario, seed: 2 })).not.toBe(before);
  });
});
