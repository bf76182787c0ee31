import { describe, expect, it } from 'vitest';
import { cleanLabel } from '../../../src/mermaid/labels';

describe('labels as text', () => {
  it.each([
    ['Order Service<br/>Checkout', 'Order Service\nCheckout'],
    ['a<br>b<br />c', 'a\nb\nc'],
    ['<b>Bold</b> &amp; <i>it</i>', 'Bold & it'],
    ['&lt;img src=x onerror=alert(1)&gt;', '<img src=x onerror=alert(1)>'],
    ['ﬂ°lt¶ßscriptﬂ°gt¶ß', '<script>'],
    ['ﬂ°°9829¶ß love', '♥ love'],
    ['&#x1F680; launch', '🚀 launch'],
    ['&#55296; lone surrogate', 'lone surrogate'],
    ['  many   spaces  ', 'many spaces'],
    ['&unknown; stays', '&unknown; stays'],
  ])('%j -> %j', (raw, text) => {
    expect(cleanLabel(raw)).toBe(text);
  });

  it('strips Markdown emphasis from Markdown labels only', () => {
    expect(cleanLabel('**Bold** and _it_ and `code`', 'markdown')).toBe('Bold and it and code');
    expect(cleanLabel('**Bold**', 'string')).toBe('**Bold**');
  });

  it('caps the length', () => {
    expect(cleanLabel('x'.repeat(5_000)).length).toBe(1_000);
  });
});
