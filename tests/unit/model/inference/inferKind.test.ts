import { describe, expect, it } from 'vitest';
import { type InferenceInput, inferKind } from '../../../../src/model/inference';

const kind = (label: string, more: Partial<InferenceInput> = {}) => inferKind({ id: 'n1', label, ...more }).kind;

describe('weighing the evidence for a kind', () => {
  it('lets the head noun outweigh a product named beside it', () => {
    expect(kind('Kafka Listener')).toBe('worker');
    expect(kind('Notification Kafka Consumer')).toBe('worker');
    expect(kind('Redis Cache')).toBe('cache');
    expect(kind('Kafka Topic: rides')).toBe('stream');
  });

  it('keeps a product the head when only a part of it is named after it', () => {
    expect(kind('Redis Shard 1')).toBe('cache');
    expect(kind('Graph Shard 2')).toBe('database');
    expect(kind('Read Replica 1')).toBe('database');
  });

  it('reads the name before the description', () => {
    expect(kind('Analytics Service\nKafka → ClickHouse/Cassandra')).toBe('service');
    expect(kind('QR Service\nRedis Cached')).toBe('service');
    expect(kind('Hot Storage\nRecent data\nInfluxDB')).toBe('database');
    expect(kind('SMS/Email (Twilio, SendGrid)')).toBe('external');
  });

  it('lets the first of two named things lead', () => {
    expect(kind('API Gateway & Load Balancer')).toBe('apiGateway');
    expect(kind('Load Balancer / API Gateway')).toBe('loadBalancer');
  });

  it('makes anything external or third-party external, in its name or its group', () => {
    expect(kind('Third-Party Email Service')).toBe('external');
    expect(kind('External Patient API')).toBe('external');
    expect(kind('Appointment Mgt System', { groups: ['External Systems'] })).toBe('external');
    expect(kind('Maps & Geo Services (Google Maps)', { groups: ['External Services'] })).toBe('external');
    expect(kind('Hotels DB MySQL Cluster', { groups: ['Databases & External Systems'] })).toBe('database');
  });

  it('tells a process step from a component named after an action', () => {
    expect(kind('Validate Order')).toBe('step');
    expect(kind('Store in etcd')).toBe('step');
    expect(kind('Post Service')).toBe('service');
    expect(kind('Push Worker Pool')).toBe('worker');
    expect(kind('Load Balancer')).toBe('loadBalancer');
    expect(kind('SendGrid\nEmail Provider')).toBe('external');
  });

  it('never makes a sequence diagram participant a process step', () => {
    expect(kind('push-notifications')).toBe('step');
    expect(kind('push-notifications', { participant: true })).toBe('service');
    expect(kind('Send Queue', { participant: true })).toBe('queue');
  });

  it('reads a process flowchart box as a step unless a product or strong words say otherwise', () => {
    const flow = { processFlow: true, shape: 'square' } as const;
    expect(kind('Check Redis Cache', flow)).toBe('step');
    expect(kind('Celebrity Feed', flow)).toBe('step');
    expect(kind('Timeline Cache\nRedis', flow)).toBe('cache');
  });

  it('weighs shapes, icons and classes below the words', () => {
    expect(kind('Orders', { shape: 'cylinder' })).toBe('database');
    expect(kind('Redis', { shape: 'cylinder' })).toBe('cache');
    expect(kind('Redis', { icon: 'database' })).toBe('cache');
    expect(kind('API Gateway', { icon: 'server' })).toBe('apiGateway');
    expect(kind('Frontend', { icon: 'internet' })).toBe('client');
    expect(kind('Storage', { icon: 'disk' })).toBe('objectStore');
    expect(kind('Assets', { icon: 'logos:aws-s3' })).toBe('objectStore');
    expect(kind('RabbitMQ', { classes: ['external'] })).toBe('queue');
    expect(kind('Orders', { classes: ['queue'] })).toBe('queue');
  });

  it('does not read generic ids as words, and reads other ids weakly', () => {
    expect(kind('Spread Constraints', { id: 'S3' } as Partial<InferenceInput>)).toBe('service');
    expect(inferKind({ id: 'orders_queue', label: 'Orders' }).kind).toBe('queue');
    expect(inferKind({ id: 'orders_queue', label: 'Order Service' }).kind).toBe('service');
  });

  it('falls back to a service, and says so', () => {
    expect(inferKind({ id: 'n1', label: 'Order Book' })).toMatchObject({ kind: 'service', rule: 'no telling words, so a service by default' });
  });
});
