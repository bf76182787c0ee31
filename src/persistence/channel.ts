// Tabs tell each other when they save, so a tab showing the same diagram learns at once that
// it is no longer the newest.
export interface SavedMessage {
  type: 'saved';
  diagramId: string;
  revision: number;
  tab: string;
}

export interface TabChannel {
  post(message: SavedMessage): void;
  listen(handler: (message: SavedMessage) => void): () => void;
}

export function broadcastChannel(name = 'faultline'): TabChannel {
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(name) : null;
  return {
    post: (m) => channel?.postMessage(m),
    listen(handler) {
      const onMessage = (e: MessageEvent) => {
        const m = e.data as SavedMessage;
        if (m && m.type === 'saved' && typeof m.diagramId === 'string' && typeof m.revision === 'number') handler(m);
      };
      channel?.addEventListener('message', onMessage);
      return () => channel?.removeEventListener('message', onMessage);
    },
  };
}

/** Channels for tests: every channel made by one hub hears the others. */
export function channelHub() {
  const listeners = new Set<(m: SavedMessage) => void>();
  return {
    channel(): TabChannel {
      let mine: ((m: SavedMessage) => void) | null = null;
      return {
        post: (m) => {
          for (const l of listeners) if (l !== mine) l(m);
        },
        listen(handler) {
          mine = handler;
          listeners.add(handler);
          return () => listeners.delete(handler);
        },
      };
    },
  };
}
