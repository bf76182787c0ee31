import { describe, expect, it } from 'vitest';
import { mermaidBlocks } from '../../../src/mermaid/markdown';

describe('Mermaid fences in Markdown', () => {
  it('finds every mermaid fence with its nearest heading and line, and skips other fences', () => {
    const md = [
      '# Design',
      'Intro',
      '## Architecture',
      '```mermaid',
      'flowchart LR',
      '  A --> B',
      '```',
      '```js',
      'console.log(1)',
      '```',
      '### Payment *flow*',
      '~~~mermaid',
      'sequenceDiagram',
      '  A->>B: hi',
      '~~~',
      '````mermaid',
      'graph TB',
      '```',
      'still inside',
      '````',
    ].join('\n');
    const blocks = mermaidBlocks(md);
    expect(blocks.map((b) => [b.index, b.heading, b.line, b.text.split('\n')[0]])).toEqual([
      [0, 'Architecture', 5, 'flowchart LR'],
      [1, 'Payment flow', 13, 'sequenceDiagram'],
      [2, 'Payment flow', 17, 'graph TB'],
    ]);
    expect(blocks[2].text).toContain('still inside');
  });

  it('handles Windows line endings and an unclosed fence', () => {
    expect(mermaidBlocks('```mermaid\r\ngraph LR\r\n  A-->B\r\n```\r\n')[0].text).toBe('graph LR\n  A-->B');
    expect(mermaidBlocks('```mermaid\ngraph LR\n  A-->B')).toEqual([]);
  });
});
