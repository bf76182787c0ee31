import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../../src/files/diagramFile';
import { decodeShareFragment, encodeShareFragment, INFLATE_LIMIT } from '../../../src/files/shareLink';
import { arbitraryDiagram } from '../../helpers/arbitraryDiagram';
import { threeTier } from '../../helpers/builders';

function fragmentOf(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `share=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('share links', () => {
  it('carry a diagram and its scenarios there and back', () => {
    fc.assert(
      fc.property(arbitraryDiagram, (d) => {
        const back = decodeShareFragment(`#${encodeShareFragment(d)}`).diagram;
        expect(back.nodes.map((n) => [n.id, n.kind, n.label])).toEqual(d.nodes.map((n) => [n.id, n.kind, n.label]));
        expect(back.scenarios.map((s) => s.faults.length)).toEqual(d.scenarios.map((s) => s.faults.length));
      }),
      { numRuns: 200 },
    );
  });

  it('are short for an ordinary diagram', () => {
    expect(encodeShareFragment(threeTier().diagram).length).toBeLessThan(1_000);
  });

  it('never throw anything but a FileError, and never hang, on 2,000 arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `share=${s}`),
          fc.uint8Array({ maxLength: 300 }).map(fragmentOf),
        ),
        (text) => {
          try {
            decodeShareFragment(text);
          } catch (error) {
            if (!(error instanceof FileError)) throw error;
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuse a decompression bomb fast, before inflating it all', () => {
    // 50 MB of zeros deflate to about 50 KB.
    const bomb = fragmentOf(deflateSync(new Uint8Array(50 * 1024 * 1024), { level: 9 }));
    const started = performance.now();
    expect(() => decodeShareFragment(bomb)).toThrow(/unpacks to more than 4 MB/);
    // Stopping at the cap means inflating 4 MB, not 50.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(INFLATE_LIMIT).toBe(4 * 1024 * 1024);
  });

  it('say what is wrong with a malformed link', () => {
    expect(() => decodeShareFragment('#share=')).toThrow(/empty/);
    expect(() => decodeShareFragment('#share=@@@')).toThrow(/characters a link never has/);
    expect(() => decodeShareFragment('#share=abc')).toThrow(/damaged/);
    expect(() => decodeShareFragment('#other=1')).toThrow(/does not carry a Faultline diagram/);
  });
});
