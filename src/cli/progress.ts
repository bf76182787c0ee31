// Progress on stderr for work that takes a while: nothing for the first two seconds (a quick
// command stays quiet), then a line that updates in place, at most five times a second.

export interface Progress {
  step(done: number): void;
  finish(): void;
}

export function progress(err: (text: string) => void, label: string, total: number, now: () => number = Date.now): Progress {
  const started = now();
  let shown = false;
  let last = 0;
  return {
    step(done) {
      const t = now();
      if (t - started < 2_000 || t - last < 200) return;
      last = t;
      shown = true;
      err(`\r${label}: ${done} of ${total} (${Math.round((100 * done) / total)}%)   `);
    },
    finish() {
      if (shown) err(`\r${label}: ${total} of ${total}, ${((now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
