// Markdown from a question file, drawn as React elements from marked's tokens: paragraphs,
// lists, emphasis, code. Nothing becomes HTML: raw HTML shows as text, and links show their
// words without a URL (a question file is untrusted input).
import { marked, type Token, type Tokens } from 'marked';
import { Fragment, useMemo, type ReactNode } from 'react';

function inline(tokens: readonly Token[] | undefined, key = ''): ReactNode[] {
  return (tokens ?? []).map((t, i) => {
    const k = `${key}${i}`;
    switch (t.type) {
      case 'strong':
        return <strong key={k}>{inline((t as Tokens.Strong).tokens, k)}</strong>;
      case 'em':
        return <em key={k}>{inline((t as Tokens.Em).tokens, k)}</em>;
      case 'del':
        return <del key={k}>{inline((t as Tokens.Del).tokens, k)}</del>;
      case 'codespan':
        return <code key={k}>{(t as Tokens.Codespan).text}</code>;
      case 'br':
        return <br key={k} />;
      case 'link':
        return <Fragment key={k}>{inline((t as Tokens.Link).tokens, k)}</Fragment>;
      case 'text': {
        const text = t as Tokens.Text;
        return <Fragment key={k}>{text.tokens ? inline(text.tokens, k) : text.text}</Fragment>;
      }
      default:
        // Raw HTML and anything else: its text, as text.
        return <Fragment key={k}>{'text' in t ? String(t.text) : t.raw}</Fragment>;
    }
  });
}

function block(t: Token, k: string): ReactNode {
  switch (t.type) {
    case 'paragraph':
      return <p key={k}>{inline((t as Tokens.Paragraph).tokens, k)}</p>;
    case 'heading':
      return <h4 key={k}>{inline((t as Tokens.Heading).tokens, k)}</h4>;
    case 'list': {
      const list = t as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i}>{item.tokens.map((x, j) => (x.type === 'text' ? inline((x as Tokens.Text).tokens ?? [x], `${k}${i}${j}`) : block(x, `${k}${i}${j}`)))}</li>
      ));
      return list.ordered ? <ol key={k}>{items}</ol> : <ul key={k}>{items}</ul>;
    }
    case 'code':
      return (
        <pre key={k}>
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={k}>{(t as Tokens.Blockquote).tokens.map((x, i) => block(x, `${k}${i}`))}</blockquote>;
    case 'space':
    case 'hr':
      return null;
    default:
      return <p key={k}>{t.raw}</p>;
  }
}

export function Markdown({ text }: { text: string }) {
  const tokens = useMemo(() => marked.lexer(text), [text]);
  return <div className="fl-markdown">{tokens.map((t, i) => block(t, String(i)))}</div>;
}
