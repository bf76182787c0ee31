// Text that fits a box without a browser to measure it: widths estimated from the font size (a
// little generous, so estimated lines never overflow the real ones), wrapped at spaces and cut
// with an ellipsis at the line limit, as the canvas clamps a label to two lines.

const WIDTH_PER_SIZE: Record<number, number> = { 400: 0.54, 600: 0.58, 700: 0.6 };

export function textWidth(text: string, size: number, weight: 400 | 600 | 700 = 400): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // CJK and other wide scripts take about a full em.
    units += code >= 0x2e80 ? 1.7 : ch === ' ' ? 0.5 : /[il.,:;'|!]/.test(ch) ? 0.5 : /[mwMW@]/.test(ch) ? 1.5 : /[A-Z0-9%]/.test(ch) ? 1.2 : 1;
  }
  return units * size * WIDTH_PER_SIZE[weight];
}

/** Cuts one line to fit, ending in an ellipsis when anything was cut. */
export function fitLine(text: string, maxWidth: number, size: number, weight: 400 | 600 | 700 = 400): string {
  if (textWidth(text, size, weight) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size, weight) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Wraps text into at most `maxLines` lines of at most `maxWidth`, honouring its own line breaks. */
export function wrapText(text: string, maxWidth: number, size: number, maxLines: number, weight: 400 | 600 | 700 = 400): string[] {
  const lines: string[] = [];
  const paragraphs = text.split('\n');
  for (let p = 0; p < paragraphs.length; p++) {
    let line = '';
    for (const word of paragraphs[p].split(/ +/)) {
      const next = line ? `${line} ${word}` : word;
      if (textWidth(next, size, weight) <= maxWidth || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines.map((l) => fitLine(l, maxWidth, size, weight));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitLine(`${kept[maxLines - 1]}…`, maxWidth, size, weight);
  return kept.map((l, i) => (i < maxLines - 1 ? fitLine(l, maxWidth, size, weight) : l));
}
