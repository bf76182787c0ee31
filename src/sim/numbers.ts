// Numbers for people, the same in the terminal and in documents: durations, shares, counts.
export function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export function pct(value: number): string {
  return `${(value * 100).toFixed(value >= 0.9995 || value === 0 ? 0 : 1)}%`;
}

export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
