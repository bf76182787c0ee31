import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';

describe('npm run cli -- import', () => {
  it('writes the diagram JSON that simulate reads', async () => {
    const { code, written, err } = await cli(['import', 'social-feed.mmd', '--out', 'feed.json']);
    expect(code).toBe(0);
    expect(err).toMatch(/Wrote feed.json: 24 nodes, 13 edges, 6 groups/);
    const file = JSON.parse(written['feed.json']);
    expect(file.format).toBe('faultline');
    expect(file.diagram.nodes.find((n: { id: string }) => n.id === 'TimelineCache').kind).toBe('cache');
    const sim = await cli(['simulate', 'feed.json', '--duration', '10'], { 'feed.json': written['feed.json'] });
    expect(sim.code).toBe(0);
    expect(sim.out).toContain('Users');
  });

  it('prints to stdout without --out', async () => {
    const { code, out } = await cli(['import', 'social-feed.mmd']);
    expect(code).toBe(0);
    expect(JSON.parse(out).diagram.name).toBe('social-feed');
  });

  it('picks a Markdown block with --block, names the blocks when there are several, and refuses a bad number', async () => {
    const first = await cli(['import', 'shop.md']);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/Imported block 1 of 2/);
    expect(first.err).toMatch(/2\. Broken \(line 13\)/);
    expect(JSON.parse(first.out).diagram.name).toBe('Architecture');
    expect((await cli(['import', 'shop.md', '--block', '3'])).err).toMatch(/--block must be between 1 and 2/);
    expect((await cli(['import', 'shop.md', '--block', 'x'])).code).toBe(2);
  });

  it('exits 2 with the parser message and the line in the file', async () => {
    const { code, err, out } = await cli(['import', 'shop.md', '--block', '2']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^shop\.md:1[56]: Mermaid could not read this diagram/);
    const bad = await cli(['import', 'x.mmd'], { 'x.mmd': 'pie title no\n "a": 1' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/This is a pie diagram/);
  });

  it('lets simulate read Mermaid and Markdown directly', async () => {
    const { code, out } = await cli(['simulate', 'shop.md', '--duration', '10']);
    expect(code).toBe(0);
    expect(out).toMatch(/Users\s+[\d,]+/);
  });
});
