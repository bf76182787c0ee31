// Keyboard shortcuts as text ("Mod+Shift+Z"): matching key events and showing them to people.
// "Mod" is Cmd on a Mac and Ctrl elsewhere; the platform is given, not read here.

/** What a key event says, whether it came from the browser or from a test. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

interface Parsed {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(shortcut: string): Parsed {
  const parts = shortcut.split('+');
  const key = parts.pop()!.toLowerCase();
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

/** The key as layout-independent text: letters and digits by their physical key. */
function eventKey(e: KeyLike): string {
  if (e.key === ' ') return 'space';
  if (e.code && /^Key[A-Z]$/.test(e.code)) return e.code.slice(3).toLowerCase();
  if (e.code && /^Digit\d$/.test(e.code)) return e.code.slice(5);
  return e.key.toLowerCase();
}

export function matches(shortcut: string, e: KeyLike, mac: boolean): boolean {
  const p = parse(shortcut);
  const mod = mac ? !!e.metaKey : !!e.ctrlKey;
  if (p.mod !== mod || p.shift !== !!e.shiftKey || p.alt !== !!e.altKey) return false;
  if (!mac && e.metaKey) return false;
  return eventKey(e) === p.key || e.key.toLowerCase() === p.key;
}

/** A key event that would press this shortcut (for tests and for the shortcut sheet). */
export function keyFor(shortcut: string, mac: boolean): KeyLike {
  const p = parse(shortcut);
  const named: Record<string, string> = { space: ' ', escape: 'Escape', enter: 'Enter', delete: 'Delete', backspace: 'Backspace' };
  const key = named[p.key] ?? (p.key.length === 1 ? p.key : shortcut.split('+').pop()!);
  const code = /^[a-z]$/.test(p.key) ? `Key${p.key.toUpperCase()}` : /^\d$/.test(p.key) ? `Digit${p.key}` : undefined;
  return { key, code, ctrlKey: p.mod && !mac, metaKey: p.mod && mac, shiftKey: p.shift, altKey: p.alt };
}

const ARROWS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

export function displayShortcut(shortcut: string, mac: boolean): string {
  return shortcut
    .split('+')
    .map((part) => {
      if (part === 'Mod') return mac ? '⌘' : 'Ctrl';
      if (part === 'Shift') return mac ? '⇧' : 'Shift';
      if (part === 'Alt') return mac ? '⌥' : 'Alt';
      if (part === 'Backspace') return '⌫';
      if (part in ARROWS) return ARROWS[part];
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join(mac ? '' : '+');
}
