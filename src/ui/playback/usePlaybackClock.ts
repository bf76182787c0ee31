// The one animation loop of the replay: while a run or a request flow plays, each frame moves
// it on by the wall time since the last frame.
import { useEffect } from 'react';
import { useEditor } from '../../react/editorContext';

export function usePlaybackClock(): void {
  const editor = useEditor();
  useEffect(() => {
    let frame = 0;
    let last = 0;
    const loop = (now: number) => {
      const s = editor.playback.getState();
      if ((s.playing && s.run) || s.flow?.playing) {
        // A long gap (a background tab) counts as one frame, not a jump.
        s.tick(last ? Math.min(now - last, 100) : 0);
        last = now;
        frame = requestAnimationFrame(loop);
      } else {
        last = 0;
        frame = 0;
      }
    };
    const start = () => {
      const s = editor.playback.getState();
      if (frame === 0 && ((s.playing && s.run) || s.flow?.playing)) frame = requestAnimationFrame(loop);
    };
    const unsubscribe = editor.playback.subscribe(start);
    start();
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [editor]);
}
