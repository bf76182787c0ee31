// An edit changes only the lines it touched: a diagram imported from an author's Mermaid (with
// front matter, comments, styles, classes, links and blocks), edited through the Editor's own
// actions and exported, differs from the author's text in the expected lines only, and mermaid
// reads the export back into the edited diagram.
import '../../../helpers/withMermaidDom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../../../src/editor/TestEditor';
import { importMermaid } from '../../../../src/mermaid/importMermaid';
import { PREFIX } from '../../../../src/mermaid/annotations';
import { changedLines, noLayout } from '../../../helpers/mermaidSource';

const fixture = (name: string) => readFileSync(`tests/fixtures/mermaid/authored/${name}`, 'utf8');

async function edited(text: string, edit: (e: TestEditor) => unknown) {
  const { diagram } = await importMermaid(text, 'Authored', noLayout);
  const e = new TestEditor(diagram);
  await edit(e);
  const out = await e.mermaid.text(e.diagram);
  expect(out.kept).toBe(true);
  const body = out.text
    .split('\n')
    .filter((l) => !l.startsWith(PREFIX))
    .join('\n');
  const back = (await importMermaid(out.text, 'Back', noLayout)).diagram;
  return { editor: e, body, lines: changedLines(text.trimEnd(), body.trimEnd()), back };
}

const edgeId = (e: TestEditor, source: string, target: string) => e.diagram.edges.find((x) => x.source === source && x.target === target)!.id;
const labels = (d: { nodes: { id: string; label: string }[] }) => Object.fromEntries(d.nodes.map((n) => [n.id, n.label]));
const pairs = (d: { edges: { source: string; target: string }[] }) => d.edges.map((x) => `${x.source}->${x.target}`).sort();

describe('flowchart', () => {
  const text = fixture('checkout.flowchart.mmd');

  it('exports unedited as the author wrote it, byte for byte', async () => {
    const { lines } = await edited(text, () => {});
    expect(lines).toEqual({ removed: [], added: [] });
  });

  it('rename: one line, the label where the author wrote it, in their form', async () => {
    const { lines, back } = await edited(text, (e) => e.actions.rename('W', 'Web storefront'));
    expect(lines).toEqual({
      removed: ['  U([Shoppers]) -->|browse| W[Web app] & M["Mobile API"]'],
      added: ['  U([Shoppers]) -->|browse| W[Web storefront] & M["Mobile API"]'],
    });
    expect(labels(back).W).toBe('Web storefront');
  });

  it('rename of a quoted label and of a Markdown one keeps the quotes and the backticks', async () => {
    const { lines } = await edited(text, (e) => {
      e.actions.rename('M', 'Mobile "v2" API');
      e.actions.rename('Q', 'Payment stream');
    });
    expect(lines.added).toEqual(['  U([Shoppers]) -->|browse| W[Web app] & M["Mobile #34;v2#34; API"]', '    M --> P[Payments] -.-> Q[["`Payment stream`"]]']);
    expect(lines.removed).toHaveLength(2);
  });

  it('add a node: one line, at the end of the diagram’s nodes and links', async () => {
    const { lines, editor, back } = await edited(text, (e) => e.dropKind('cache', { x: 400, y: 300 }));
    const added = editor.diagram.nodes.find((n) => n.kind === 'cache')!;
    expect(lines.removed).toEqual([]);
    expect(lines.added).toEqual([`  ${added.id}[("${added.label}")]`]);
    expect(back.nodes.find((n) => n.id === added.id)?.kind).toBe('cache');
  });

  it('delete an edge: only the line that drew it, the other link of that line kept', async () => {
    const { lines, back } = await edited(text, (e) => {
      e.select([], [edgeId(e, 'U', 'M')]);
      e.press('Delete');
    });
    expect(lines.removed).toEqual(['  U([Shoppers]) -->|browse| W[Web app] & M["Mobile API"]']);
    expect(lines.added).toEqual(['  U([Shoppers]) -->|browse| W[Web app]', '  M["Mobile API"]']);
    expect(pairs(back)).not.toContain('U->M');
    expect(pairs(back)).toContain('U->W');
  });

  it('change a style: the node’s own style line takes the new fill, its other styles kept', async () => {
    const { lines, back } = await edited(text, (e) => e.actions.updateNode('O', { color: '#fde68a' }));
    expect(lines).toEqual({ removed: ['  style O fill:#ddf'], added: ['  style O fill:#fde68a'] });
    expect(back.nodes.find((n) => n.id === 'O')?.color).toBe('#fde68a');
  });

  it('delete a node: its links, its class entry and its click line go; nothing else', async () => {
    const { lines, back } = await edited(text, (e) => {
      e.select(['W']);
      e.press('Delete');
    });
    expect(lines.removed.sort()).toEqual(
      [
        '  U([Shoppers]) -->|browse| W[Web app] & M["Mobile API"]',
        '  W --> O[(Orders DB)]',
        '  class W,P hot',
        '  click W "https://example.com/web" "The storefront"',
      ].sort(),
    );
    expect(lines.added).toEqual(['  U([Shoppers]) -->|browse| M["Mobile API"]', '  O[(Orders DB)]', '  class P hot']);
    expect(back.nodes.some((n) => n.id === 'W')).toBe(false);
  });

  it('keeps front matter, comments, classDef, linkStyle and click lines through every edit', async () => {
    const { body } = await edited(text, (e) => {
      e.actions.rename('O', 'Orders');
      e.actions.connect('O', 'Bank');
    });
    for (const kept of [
      '  theme: dark',
      '  %% Traffic comes in through the edge',
      '  classDef hot fill:#b91c1c,color:#fff',
      '  linkStyle 3 stroke:#f00',
      '  P <--> Bank{{Bank}}',
    ])
      expect(body.split('\n')).toContain(kept);
  });
});

describe('sequence diagram', () => {
  const text = fixture('booking.sequence.mmd');

  it('exports unedited as written', async () => {
    expect((await edited(text, () => {})).lines).toEqual({ removed: [], added: [] });
  });

  it('rename: the alias, one line', async () => {
    const { lines, back } = await edited(text, (e) => e.actions.rename('API', 'Reservations API'));
    expect(lines).toEqual({ removed: ['    participant API as Booking API'], added: ['    participant API as Reservations API'] });
    expect(labels(back).API).toBe('Reservations API');
  });

  it('add a node: a participant declared after the others', async () => {
    const { lines, editor } = await edited(text, (e) => e.dropKind('cache', { x: 0, y: 0 }));
    const added = editor.diagram.nodes.find((n) => n.kind === 'cache')!;
    expect(lines).toEqual({ removed: [], added: [`    participant ${added.id} as ${added.label}`] });
  });

  it('delete an edge: the messages it stood for, their replies with them, activations kept', async () => {
    const { lines, back } = await edited(text, (e) => {
      e.select([], [edgeId(e, 'API', 'DB')]);
      e.press('Delete');
    });
    expect(lines.removed).toEqual(['    API->>DB: insert booking', '        DB-->>API: ok', '        DB-->>API: conflict']);
    expect(lines.added).toEqual([]);
    expect(pairs(back)).toEqual(['C->API']);
  });

  it('notes, blocks, numbering and comments stay', async () => {
    const { body } = await edited(text, (e) => e.actions.rename('C', 'Guest'));
    for (const kept of ['    autonumber', '    %% who takes part', '    alt seat free', '    else taken', '    Note over C,API: The customer may retry'])
      expect(body.split('\n')).toContain(kept);
  });
});

describe('state diagram', () => {
  const text = fixture('order.state.mmd');

  it('exports unedited as written', async () => {
    expect((await edited(text, () => {})).lines).toEqual({ removed: [], added: [] });
  });

  it('rename: the description where it was written, one line', async () => {
    const { lines } = await edited(text, (e) => e.actions.rename('Packing', 'Packing and labelling'));
    expect(lines).toEqual({ removed: ['    state "Being packed" as Packing'], added: ['    state "Packing and labelling" as Packing'] });
  });

  it('add a node, delete a transition, relabel one', async () => {
    const { lines, editor, back } = await edited(text, (e) => {
      e.dropKind('step', { x: 0, y: 0 });
      e.select([], [edgeId(e, 'Packing', 'Shipped')]);
      e.press('Delete');
      e.actions.updateEdge(edgeId(e, 'Placed', 'Paid'), { label: 'paid in full' });
    });
    const added = editor.diagram.nodes.find((n) => !['Placed', 'Paid', 'Packing', 'Shipped'].includes(n.id) && n.shape === undefined)!;
    expect(lines.removed).toEqual(['    Placed --> Paid : payment captured', '    Packing --> Shipped']);
    expect(lines.added).toEqual(['    Placed --> Paid : paid in full', `    state "${added.label}" as ${added.id}`]);
    expect(pairs(back)).not.toContain('Packing->Shipped');
  });
});

describe('architecture diagram', () => {
  const text = fixture('platform.architecture.mmd');

  it('exports unedited as written', async () => {
    expect((await edited(text, () => {})).lines).toEqual({ removed: [], added: [] });
  });

  it('rename: the title in its brackets, icon and group kept', async () => {
    const { lines } = await edited(text, (e) => e.actions.rename('db', 'Orders DB (primary)'));
    expect(lines).toEqual({ removed: ['    service db(database)[Primary DB] in api'], added: ['    service db(database)[Orders DB (primary)] in api'] });
  });

  it('add a node with its kind’s icon, connect it with sides from where it sits, delete an edge', async () => {
    const { lines, editor, back } = await edited(text, (e) => {
      e.dropKind('cache', { x: 2000, y: 0 });
      const cache = e.diagram.nodes.find((n) => n.kind === 'cache')!;
      e.actions.connect('app', cache.id);
      e.select([], [edgeId(e, 'app', 'files')]);
      e.press('Delete');
    });
    const cache = editor.diagram.nodes.find((n) => n.kind === 'cache')!;
    expect(lines.removed).toEqual(['    app:R --> L:files']);
    expect(lines.added).toEqual([`    service ${cache.id}(database)[${cache.label}]`, `    app:R --> L:${cache.id}`]);
    expect(pairs(back)).toContain(`app->${cache.id}`);
  });
});
