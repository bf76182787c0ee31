import { describe, expect, it } from 'vitest';
import { readLabel } from '../../../../src/model/inference/label';

describe('reading a label', () => {
  it('names the thing on the first line and describes it on the rest', () => {
    expect(readLabel('Timeline Cache\nGlobal Redis Cluster')).toEqual({
      name: [{ head: 'Timeline Cache', complement: '' }],
      firstLine: 'Timeline Cache',
      description: ['Global Redis Cluster'],
    });
  });

  it('moves parentheses and what follows a colon or a dash into the description', () => {
    expect(readLabel('Payment Gateway (Stripe/PayPal)').description).toEqual(['Stripe/PayPal']);
    expect(readLabel('Kafka Topic: rider_location')).toMatchObject({ name: [{ head: 'Kafka Topic' }], description: ['rider_location'] });
    expect(readLabel('Kafka Listener - Manual Ack')).toMatchObject({ name: [{ head: 'Kafka Listener' }], description: ['Manual Ack'] });
  });

  it('splits coordinated names, keeping Pub/Sub one word', () => {
    expect(readLabel('API Gateway & Load Balancer').name.map((p) => p.head)).toEqual(['API Gateway', 'Load Balancer']);
    expect(readLabel('Web/Mobile Client').name.map((p) => p.head)).toEqual(['Web', 'Mobile Client']);
    expect(readLabel('Google Pub/Sub').name.map((p) => p.head)).toEqual(['Google PubSub']);
  });

  it('keeps what follows a preposition as a complement', () => {
    expect(readLabel('App for Hotel Managers').name).toEqual([{ head: 'App', complement: ' for Hotel Managers' }]);
    expect(readLabel('for nobody').name).toEqual([{ head: '', complement: 'for nobody' }]);
  });

  it('reads runs of spaces as one and takes nested parentheses from the inside out', () => {
    expect(readLabel('Orders \t   DB').name.map((p) => p.head)).toEqual(['Orders DB']);
    expect(readLabel('Feed (fan-out (push))').description).toEqual(['push', 'fan-out']);
    expect(readLabel('Search ((').name.map((p) => p.head)).toEqual(['Search ((']);
  });
});
