import { describe, expect, it } from 'vitest';
import { discussionPrompts } from '../../../src/interview/prompts';

describe('discussion prompts', () => {
  it('splits a question’s discussion points into one prompt per item, continuation lines kept', () => {
    const text = [
      'The guide’s expected deep dives, with their time:',
      '',
      '1. **Feed generation strategies (10 minutes):** push, pull and hybrid models and their',
      '   trade-offs; celebrities with millions of followers.',
      '2. **Data sharding strategy (8 minutes):** user-based, geographic and hybrid sharding.',
      '- What if the payment gateway times out?',
    ].join('\n');
    expect(discussionPrompts(text)).toEqual([
      'The guide’s expected deep dives, with their time:',
      '**Feed generation strategies (10 minutes):** push, pull and hybrid models and their\ntrade-offs; celebrities with millions of followers.',
      '**Data sharding strategy (8 minutes):** user-based, geographic and hybrid sharding.',
      'What if the payment gateway times out?',
    ]);
    expect(discussionPrompts('')).toEqual([]);
  });
});
