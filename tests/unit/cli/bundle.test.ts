// The bundled `faultline` command (dist-cli, built by `npm install`'s prepare script) as a person
// runs it: help without loading any command, a simulation, replications on worker threads, sweeps
// and drills over seeds, with the documented exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_FIXTURES } from '../../helpers/cli';

const DIAGRAM = `${CLI_FIXTURES}/checkout.faultline.json`;
const faultline = (...args: string[]) => spawnSync('node', ['dist-cli/main.mjs', ...args], { encoding: 'utf8' });

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs']);
});

describe('the bundled CLI', () => {
  it('prints its commands and exit codes, and refuses an unknown command with 2', () => {
    const help = faultline('--help');
    expect(help.status).toBe(0);
    for (const command of ['simulate', 'sweep', 'drills', 'import', 'export', 'postmortem']) expect(help.stdout).toContain(`faultline ${command} `);
    expect(help.stdout).toContain('Exit codes: 0 done; 1 a drill or check did not show what it says');
    expect(faultline('explode').status).toBe(2);
  });

  it('replicates over seeds on worker threads, as a table and as CSV', () => {
    const table = faultline('simulate', DIAGRAM, '--seeds', '3', '--threads', '2', '--duration', '4', '--warmup', '1');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Checkout \/ Baseline: 3 seeds \(1, 7920, 15839\), mean ± 95% interval/);
    expect(table.stdout).toMatch(/Shoppers\s+\d+\.\d% ± \d+\.\d%/);
    const out = faultline('simulate', DIAGRAM, '--seeds', '3', '--threads', '2', '--duration', '4', '--warmup', '1', '--csv').stdout.trim().split('\n');
    expect(out[0]).toBe('part,id,label,figure,mean,half_95,seeds');
    expect(out.find((l) => l.startsWith('client,users,Shoppers,success_ratio,'))).toMatch(/,3$/);
    // The same seeds give the same figures, threads or no threads.
    const one = faultline('simulate', DIAGRAM, '--seeds', '3', '--threads', '1', '--duration', '4', '--warmup', '1', '--csv').stdout.trim().split('\n');
    expect(one).toEqual(out);
    const refused = faultline('simulate', DIAGRAM, '--seeds', '3', '--json');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--json writes one run');
  });

  it('sweeps the load to a knee, sweeps a setting, and climbs past the knee and back', () => {
    const load = faultline('sweep', DIAGRAM, '--load', 'Shoppers', '--from', '100', '--to', '3000', '--steps', '4', '--seeds', '2', '--csv');
    expect(load.status, load.stderr).toBe(0);
    const rows = load.stdout.trim().split('\n');
    expect(rows[0]).toBe('load_rps,success_mean,success_half_95,p99_ms_mean,p99_ms_half_95,mean_ms_mean,mean_ms_half_95,goodput_rps_mean,seeds');
    expect(rows).toHaveLength(5);
    expect(faultline('sweep', DIAGRAM, '--load', 'Shoppers', '--from', '100', '--to', '3000', '--steps', '4', '--seeds', '2').stdout).toMatch(
      /^Knee between [\d,]+ and [\d,]+ \(about [\d,]+\)/m,
    );
    const setting = faultline('sweep', DIAGRAM, '--parameter', 'checkout.replicas', '--values', '1,2,4', '--seeds', '2', '--csv');
    expect(setting.status, setting.stderr).toBe(0);
    expect(setting.stdout.split('\n')[0]).toMatch(/^checkout\.replicas,/);
    const climb = faultline('sweep', DIAGRAM, '--hysteresis', 'users', '--base', '200', '--peak', '3000', '--steps', '2', '--hold', '4');
    expect(climb.status, climb.stderr).toBe(0);
    expect(climb.stdout).toMatch(/^(Recovers|Stays collapsed): back at 200 req\/s/m);
    const bad = faultline('sweep', DIAGRAM, '--load', 'Shoppers', '--from', '100', '--to', '3000', '--steps', '1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--steps must be a whole number from 2 to 50');
  });

  it('checks a question’s drills over seeds: k of N per outcome', () => {
    const run = faultline('drills', 'templates/payment-processing.md', '--seeds', '3', '--threads', '2');
    expect([0, 1]).toContain(run.status);
    expect(run.stdout).toMatch(/^ {7}\d of 3 {2}\S/m);
    expect(run.stdout).toMatch(/(Every drill and fix shows what it says in at least 95% of 3 seeds|seed-sensitive)/);
  });
});
