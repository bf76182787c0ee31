// The kinds inferred for the question bank's own labels, pinned.
import '../../helpers/withMermaidDom';
import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../../../src/mermaid/parse';
import { toDiagram } from '../../../src/mermaid/toDiagram';
import type { NodeKind } from '../../../src/model';
import { inferKind } from '../../../src/model/inference';
import { seed } from '../../helpers/seeds';

async function kindsOf(name: string): Promise<Map<string, NodeKind>> {
  const { diagram } = toDiagram(await parseMermaid(seed(name)), name);
  return new Map(diagram.nodes.map((n) => [n.id, n.kind]));
}

describe('kind inference on the seed labels', () => {
  it.each([
    ['002-02.mmd', 'TimelineCache', 'cache'], // Timeline Cache<br/>Global Redis Cluster
    ['002-02.mmd', 'Kafka', 'stream'], // Kafka Cluster<br/>Multi-Region
    ['002-02.mmd', 'UserDB', 'database'], // (User Database<br/>Multi-Master)
    ['002-02.mmd', 'TweetDB', 'database'],
    ['002-02.mmd', 'LB1', 'loadBalancer'],
    ['002-02.mmd', 'API1', 'apiGateway'],
    ['002-02.mmd', 'CDN', 'cdn'],
    ['002-02.mmd', 'Users', 'client'],
    ['002-02.mmd', 'Timeline1', 'service'],
    ['002-02.mmd', 'DLQ', 'queue'],
    ['002-05.mmd', 'Banks', 'external'], // Banking APIs<br/>Multiple Providers
    ['002-05.mmd', 'Cards', 'external'], // Card Networks<br/>Visa, Mastercard
    ['002-05.mmd', 'EventBus', 'stream'], // Event Bus<br/>Kafka
    ['002-05.mmd', 'Processor', 'worker'],
    ['002-05.mmd', 'Gateway', 'apiGateway'],
    ['002-05.mmd', 'AuditDB', 'database'], // a cylinder
    ['002-03.mmd', 'B', 'step'], // a decision
    ['002-03.mmd', 'I', 'cache'], // Timeline Cache<br/>Redis, even in a process flowchart
    ['002-03.mmd', 'M', 'step'], // Load from Timeline Cache
    ['002-14.mmd', 'C', 'step'], // Store in etcd
  ] as const)('%s %s is a %s', async (file, id, kind) => {
    expect((await kindsOf(file)).get(id)).toBe(kind);
  });

  it('says why it chose a kind', () => {
    expect(inferKind({ id: 'TimelineCache', label: 'Timeline Cache\nGlobal Redis Cluster', shape: 'square' })).toMatchObject({
      kind: 'cache',
      rule: 'its name is a "cache"',
      matched: 'cache',
    });
    expect(inferKind({ id: 'X', label: 'Orders', shape: 'cylinder' })).toMatchObject({ kind: 'database', rule: 'a cylinder shape' });
    expect(inferKind({ id: 'api', label: 'Orders', classes: ['queue'] })).toMatchObject({ kind: 'queue', rule: 'its Mermaid class' });
    expect(inferKind({ id: 'S3', label: 'Spread Constraints' })).toMatchObject({ kind: 'service', rule: 'no telling words, so a service by default' });
    expect(inferKind({ id: 'media', label: 'Media', icon: 'disk' }).kind).toBe('objectStore');
  });

  it.each([
    ['Redis Cache', 'cylinder', 'cache'],
    ['Order Queue', 'cylinder', 'queue'],
    ['Kafka', 'cylinder', 'stream'],
    ['Product Search\nElasticsearch', 'cylinder', 'search'],
    ['S3 Bucket', 'cylinder', 'objectStore'],
    ['nginx', 'square', 'loadBalancer'],
    ['HAProxy', 'hexagon', 'loadBalancer'],
    ['Mobile App', 'stadium', 'client'],
    ['Email Consumer', 'square', 'worker'],
    ['Third-party Fraud API', 'square', 'external'],
    ['Route 53 DNS', 'square', 'dns'],
  ] as const)('"%s" (%s) is a %s', (label, shape, kind) => {
    expect(inferKind({ id: 'n1', label, shape }).kind).toBe(kind);
  });
});
