// Keyboard shortcuts as text ("Mod+Shift+Z"): matching key events and showing them to people.
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

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
function eventKey(e: KeyboardEvent): string {
  if (e.key === ' ') return 'space';
  if (/^Key[A-Z]$/.test(e.code)) return e.code.slice(3).toLowerCase();
  if (/^Digit\d$/.test(e.code)) return e.code.slice(5);
  return e.key.toLowerCase();
}

export function matches(shortcut: string, e: KeyboardEvent): boolean {
  const p = parse(shortcut);
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (p.mod !== mod || p.shift !== e.shiftKey || p.alt !== e.altKey) return false;
  if (!isMac && e.metaKey) return false;
  return eventKey(e) === p.key || e.key.toLowerCase() === p.key;
}

const ARROWS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

export function displayShortcut(shortcut: string): string {
  return shortcut
    .split('+')
    .map((part) => {
      if (part === 'Mod') return isMac ? '⌘' : 'Ctrl';
      if (part === 'Shift') return isMac ? '⇧' : 'Shift';
      if (part === 'Alt') return isMac ? '⌥' : 'Alt';
      if (part === 'Backspace') return '⌫';
      if (part in ARROWS) return ARROWS[part];
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join(isMac ? '' : '+');
}
