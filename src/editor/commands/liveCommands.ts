// The Live menu: start a session from the open diagram, copy its links per role, follow or
// present, leave, and the relay's address.
import type { Command } from './registry';

const live = (e: Parameters<NonNullable<Command['when']>>[0]) => e.live.active;
const offline = (e: Parameters<NonNullable<Command['when']>>[0]) => !e.live.active && e.env.live !== undefined;

export const LIVE_COMMANDS: Command[] = [
  {
    id: 'live.start',
    label: 'Start live session',
    menu: 'Live',
    keywords: ['share', 'collaborate', 'interview', 'room'],
    when: offline,
    run: (e) => e.live.askName({ purpose: 'start' }),
  },
  { id: 'live.copyEditorLink', label: 'Copy editor link', menu: 'Live', when: live, run: (e) => e.live.copyLink('editor') },
  { id: 'live.copyViewerLink', label: 'Copy view-only link', menu: 'Live', when: live, run: (e) => e.live.copyLink('viewer') },
  { id: 'live.copyInterviewerLink', label: 'Copy interviewer link', menu: 'Live', when: live, run: (e) => e.live.copyLink('interviewer') },
  {
    id: 'live.present',
    label: 'Present (everyone follows me)',
    menu: 'Live',
    when: live,
    run: (e) => e.live.present(!e.live.store.getState().presenting),
  },
  { id: 'live.stopFollowing', label: 'Stop following', menu: 'Live', when: (e) => e.live.store.getState().following !== null, run: (e) => e.live.follow(null) },
  { id: 'live.leave', label: 'Leave live session', menu: 'Live', when: live, run: (e) => e.live.leave() },
  { id: 'live.relay', label: 'Relay address…', menu: 'Live', when: (e) => e.env.live !== undefined, run: (e) => e.live.askRelay() },
];
