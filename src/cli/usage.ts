// Each command's usage line, and the exit codes, apart from the commands themselves: `--help`
// prints these without loading any command (nor mermaid, jsdom, ELK or the engine).

export const SIMULATE_USAGE =
  'faultline simulate <diagram.json|diagram.mmd> [--scenario <scenario.json>] [--seed N] [--duration S] [--warmup S] [--seeds N] [--threads N] [--json | --csv] [--timing]';
export const SWEEP_USAGE =
  'faultline sweep <diagram.json|diagram.mmd> (--load <client> --from R --to R [--steps K] | --parameter <node-or-edge>.<setting> --values V,V,... | --hysteresis <client> --base R --peak R [--steps K] [--hold S]) [--scenario <scenario.json>] [--seeds N] [--threads N] [--csv]';
export const DRILLS_USAGE = 'faultline drills [template.md ...] [--seeds N] [--threads N]   (every drill of templates/ when none is given)';
export const IMPORT_USAGE = 'faultline import <file.mmd|file.md> [--block N] [--out diagram.json]';
export const EXPORT_USAGE = 'faultline export <diagram.json|diagram.mmd> [--out file.mmd]';
export const POSTMORTEM_USAGE =
  'faultline postmortem <diagram.json|diagram.mmd> [--run <run.json>] [--scenario <scenario.json>] [--seed N] [--fix <run.json|diagram>] [--out <file.md|file.html>]';

export const EXIT_CODES = `Exit codes: 0 done; 1 a drill or check did not show what it says (or is seed-sensitive); 2 the input was refused (the message says why); 3 Faultline itself failed.`;
