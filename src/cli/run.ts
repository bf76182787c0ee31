// The CLI's commands. Each loads when it runs, so `--help` and a simulation never load mermaid,
// jsdom or ELK, which only the commands that read Mermaid or lay diagrams out need. Each returns
// an exit code; refusals (bad input) are exit code 2; a failure of Faultline itself is 3.
import type { Diagram } from '../model';
import { UsageError, type CliIo } from './io';
import { DRILLS_USAGE, EXIT_CODES, EXPORT_USAGE, IMPORT_USAGE, POSTMORTEM_USAGE, SIMULATE_USAGE, SWEEP_USAGE } from './usage';

export interface Command {
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Reads a Mermaid diagram for a command (loading mermaid then), its notices on stderr. */
const mermaidReader =
  (io: CliIo) =>
  async (text: string, path: string): Promise<Diagram> => {
    const { readMermaidFile } = await import('./mermaidFiles');
    const { diagram, notices } = await readMermaidFile(text, path);
    for (const n of notices) io.err(`${n}\n`);
    return diagram;
  };

const commands: Record<string, Command> = {
  simulate: { usage: SIMULATE_USAGE, run: async (args, io) => (await import('./simulateCommand')).simulateCommand(args, io, mermaidReader(io)) },
  sweep: { usage: SWEEP_USAGE, run: async (args, io) => (await import('./sweepCommand')).sweepCommand(args, io, mermaidReader(io)) },
  postmortem: { usage: POSTMORTEM_USAGE, run: async (args, io) => (await import('./postmortemCommand')).postmortemCommand(args, io, mermaidReader(io)) },
  import: { usage: IMPORT_USAGE, run: async (args, io) => (await import('./importCommand')).importCommand(args, io) },
  export: { usage: EXPORT_USAGE, run: async (args, io) => (await import('./exportCommand')).exportCommand(args, io) },
  drills: { usage: DRILLS_USAGE, run: async (args, io) => (await import('./drillsCommand')).drillsCommand(args, io) },
};

export function usage(): string {
  return `Faultline command line\n\n${Object.values(commands)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n\n${EXIT_CODES}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    io.err(`Faultline failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 3;
  }
}
