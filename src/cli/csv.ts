// Tables as CSV (RFC 4180): a field with a comma, a quote or a line break is quoted, quotes doubled.

function field(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(rows: readonly (readonly (string | number)[])[]): string {
  return `${rows.map((r) => r.map(field).join(',')).join('\n')}\n`;
}
