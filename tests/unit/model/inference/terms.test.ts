import { describe, expect, it } from 'vitest';
import { matchTerms, tokens, words } from '../../../../src/model/inference/terms';

const found = (text: string) => matchTerms(tokens(text)).map((m) => `${m.term.kind}:${m.term.text}`);

describe('catalog terms in a text', () => {
  it('splits at case changes, except a word the catalog knows whole', () => {
    expect(words('TimelineCache')).toEqual(['timeline', 'cache']);
    expect(tokens('HiveMQ PostgreSQL')).toEqual(['hivemq', 'postgresql']);
    expect(tokens('SendGrid')).toEqual(['sendgrid']);
    expect(tokens('UserDB')).toEqual(['user', 'db']);
    expect(words('HTTPServer_v2 AWSLambda')).toEqual(['http', 'server', 'v2', 'aws', 'lambda']);
    expect(words('A'.repeat(5))).toEqual(['aaaaa']);
  });

  it('takes the longest phrase where it starts', () => {
    expect(found('Payment Gateway')).toEqual(['external:payment gateway']);
    expect(found('API Gateway')).toEqual(['apiGateway:api gateway']);
    expect(found('Web Server')).toEqual(['service:web server']);
    expect(found('Azure Service Bus')).toEqual(['queue:service bus']);
  });

  it('reads plurals as their singular', () => {
    expect(found('Redis Caches')).toEqual(['cache:redis', 'cache:caches']);
    expect(found('Message Queues')).toEqual(['queue:message queue']);
  });
});
