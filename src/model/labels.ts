// What a label may hold: any text but control characters (line breaks aside), without leading
// or trailing white space. Every way a label comes in (typing, files, imports) goes through this.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function normalizeLabel(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '').trim();
}
