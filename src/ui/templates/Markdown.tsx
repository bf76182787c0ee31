// Markdown from a question file, drawn as React elements from marked's tokens: paragraphs,
// lists, tables, emphasis, code. Nothing becomes HTML: raw HTML shows as text, and links show their
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

/** Headings as h4 inside a panel, or at their own level on a page of their own (the printed report). */
type Headings = 'flat' | 'levels';

function block(t: Token, k: string, headings: Headings = 'flat'): ReactNode {
  switch (t.type) {
    case 'paragraph':
      return <p key={k}>{inline((t as Tokens.Paragraph).tokens, k)}</p>;
    case 'heading': {
      const h = t as Tokens.Heading;
      const Tag = headings === 'levels' ? (`h${Math.min(6, Math.max(1, h.depth))}` as 'h2') : 'h4';
      return <Tag key={k}>{inline(h.tokens, k)}</Tag>;
    }
    case 'list': {
      const list = t as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i} className={item.task ? 'fl-task' : undefined}>
          {/* A task item ("- [x] Hire") shows its box: in the report, the box is the answer. */}
          {item.task ? <span className="fl-task-box">{item.checked ? '☒ ' : '☐ '}</span> : null}
          {item.tokens.map((x, j) => (x.type === 'text' ? inline((x as Tokens.Text).tokens ?? [x], `${k}${i}${j}`) : block(x, `${k}${i}${j}`)))}
        </li>
      ));
      return list.ordered ? <ol key={k}>{items}</ol> : <ul key={k}>{items}</ul>;
    }
    case 'code':
      return (
        <pre key={k}>
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      );
    case 'table': {
      const table = t as Tokens.Table;
      return (
        <table key={k}>
          <thead>
            <tr>
              {table.header.map((cell, i) => (
                <th key={i}>{inline(cell.tokens, `${k}h${i}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>{inline(cell.tokens, `${k}r${r}c${i}`)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'blockquote':
      return <blockquote key={k}>{(t as Tokens.Blockquote).tokens.map((x, i) => block(x, `${k}${i}`))}</blockquote>;
    case 'space':
    case 'hr':
      return null;
    default:
      return <p key={k}>{t.raw}</p>;
  }
}

export function Markdown({ text, headings = 'flat' }: { text: string; headings?: Headings }) {
  const tokens = useMemo(() => marked.lexer(text), [text]);
  return <div className="fl-markdown">{tokens.map((t, i) => block(t, String(i), headings))}</div>;
}
