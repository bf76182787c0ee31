// Every command the app has, registered on an Editor's registry in one place (no side-effect
// imports: which commands exist is visible here).
import { ARRANGE_COMMANDS, EDIT_COMMANDS, INSERT_COMMANDS, VIEW_COMMANDS } from './editCommands';
import { FILE_COMMANDS } from './fileCommands';
import { HELP_COMMANDS } from './helpCommands';
import { INTERVIEW_COMMANDS } from './interviewCommands';
import { LIVE_COMMANDS } from './liveCommands';
import type { CommandRegistry } from './registry';
import { SIMULATE_COMMANDS } from './simulateCommands';

export function registerDefaultCommands(registry: CommandRegistry): void {
  registry.register([
    ...FILE_COMMANDS,
    ...EDIT_COMMANDS,
    ...VIEW_COMMANDS,
    ...ARRANGE_COMMANDS,
    ...INSERT_COMMANDS,
    ...SIMULATE_COMMANDS,
    ...LIVE_COMMANDS,
    ...INTERVIEW_COMMANDS,
    ...HELP_COMMANDS,
  ]);
}
