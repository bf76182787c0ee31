// The CLI's commands. Each returns an exit code; refusals (bad input) are exit code 2.
import { DRILLS_USAGE, drillsCommand } from './drillsCommand';
import { UsageError, type CliIo } from './io';
import { EXPORT_USAGE, exportCommand } from './exportCommand';
import { IMPORT_USAGE, importCommand } from './importCommand';
import { readMermaidFile } from './mermaidFiles';
import { POSTMORTEM_USAGE, postmortemCommand } from './postmortemCommand';
import { SIMULATE_USAGE, simulateCommand } from './simulateCommand';

export interface Command {
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Reads a Mermaid diagram for a command, its notices on stderr. */
const mermaidReader = (io: CliIo) => async (text: string, path: string) => {
  const { diagram, notices } = await readMermaidFile(text, path);
  for (const n of notices) io.err(`${n}\n`);
  return diagram;
};

const commands: Record<string, Command> = {
  simulate: { usage: SIMULATE_USAGE, run: (args, io) => simulateCommand(args, io, mermaidReader(io)) },
  postmortem: { usage: POSTMORTEM_USAGE, run: (args, io) => postmortemCommand(args, io, mermaidReader(io)) },
  import: { usage: IMPORT_USAGE, run: importCommand },
  export: { usage: EXPORT_USAGE, run: exportCommand },
  drills: { usage: DRILLS_USAGE, run: drillsCommand },
};

export function registerCliCommand(name: string, command: Command): void {
  commands[name] = command;
}

export function usage(): string {
  return `Faultline command line\n\n${Object.values(commands)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n`;
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
    throw error;
  }
}
