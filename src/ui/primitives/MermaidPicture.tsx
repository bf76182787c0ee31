// A Mermaid diagram as Mermaid itself draws it, shown as an image from a blob URL: inert,
// whatever its labels say (see docs/decisions.md). Text over the drawing budget waits for
// "Draw it anyway", so a hostile or huge diagram cannot freeze the page by being previewed.
import { useEffect, useMemo, useState } from 'react';
import { overDrawBudget } from '../../mermaid/drawBudget';
import { renderMermaid } from '../../mermaid/loadMermaid';

export function MermaidPicture({
  text,
  alt = 'The diagram as Mermaid draws it',
  className = 'fl-code-rendered',
}: {
  text: string;
  alt?: string;
  className?: string;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The text the person asked to draw although it is over the budget.
  const [anyway, setAnyway] = useState<string | null>(null);
  const budget = useMemo(() => overDrawBudget(text), [text]);
  const over = anyway === text ? null : budget;
  useEffect(() => {
    if (over) return;
    let live = true;
    let made: string | null = null;
    setError(null);
    renderMermaid(text)
      .then((svg) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setUrl(made);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [text, over]);
  if (over)
    return (
      <div className="fl-draw-anyway" role="status">
        <p className="fl-muted">{over}</p>
        <button type="button" className="fl-button" onClick={() => setAnyway(text)}>
          Draw it anyway
        </button>
      </div>
    );
  if (error)
    return (
      <p className="fl-field-error" role="alert">
        Mermaid could not draw this: {error}
      </p>
    );
  if (!url)
    return (
      <p className="fl-muted" role="status">
        Drawing with Mermaid…
      </p>
    );
  return <img className={className} src={url} alt={alt} />;
}
