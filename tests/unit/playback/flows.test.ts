import { describe, expect, it } from 'vitest';
import { flowSteps } from '../../../src/playback/flows';
import { DiagramBuilder } from '../../helpers/builders';

describe('request flow steps', () => {
  it('puts each message on its edge, a reply on its request edge backwards', () => {
    const b = new DiagramBuilder();
    const client = b.node('client', { id: 'user' });
    const api = b.node('service', { id: 'api' });
    const db = b.node('database', { id: 'db' });
    b.chain(client, api);
    const d = b.build();
    const steps = flowSteps(d, {
      id: 'w1',
      name: 'Checkout',
      blocks: [],
      steps: [
        { from: client, to: api, label: 'POST /orders', reply: false },
        { from: api, to: client, label: '201 Created', reply: true },
        { from: api, to: db, label: 'INSERT', reply: false },
      ],
    });
    expect(steps.map((s) => [s.label, s.edge, s.reverse])).toEqual([
      ['POST /orders', 'euser-api', false],
      ['201 Created', 'euser-api', true],
      ['INSERT', null, false],
    ]);
  });
});
