// A Mermaid diagram as Mermaid itself draws it, shown as an image from a blob URL: inert,
// whatever its labels say (see docs/decisions.md).
import { useEffect, useState } from 'react';
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
  useEffect(() => {
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
  }, [text]);
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
