// Flowchart, sequence, state and architecture features, one at a time.
import '../../helpers/withMermaidDom';
import { describe, expect, it } from 'vitest';
import { MAX_EDGES } from '../../../src/mermaid/loadMermaid';
import { MermaidImportError, parseMermaid } from '../../../src/mermaid/parse';
import { toDiagram } from '../../../src/mermaid/toDiagram';

async function diagramOf(text: string) {
  return toDiagram(await parseMermaid(text), 'test');
}

const node = (d: Awaited<ReturnType<typeof diagramOf>>, id: string) => d.diagram.nodes.find((n) => n.id === id)!;

describe('flowcharts', () => {
  it.each([
    ['graph TD', 'TB'],
    ['graph TB', 'TB'],
    ['flowchart LR', 'LR'],
    ['flowchart RL', 'RL'],
    ['flowchart BT', 'BT'],
  ])('keeps the direction of %s', async (header, direction) => {
    expect((await diagramOf(`${header}\n  A --> B`)).diagram.direction).toBe(direction);
  });

  it('reads every classic node shape', async () => {
    const r = await diagramOf(`flowchart LR
      a[rect] --> b(round) --> c([stadium]) --> d[[subroutine]] --> e[(cylinder)] --> f((circle))
      f --> g>odd] --> h{diamond} --> i{{hexagon}} --> j[/lean right/] --> k[\\lean left\\]
      k --> l[/trapezoid\\] --> m[\\inv trapezoid/] --> n(((double)))`);
    const shapes = Object.fromEntries(r.diagram.nodes.map((n) => [n.id, n.shape]));
    expect(shapes).toEqual({
      a: 'square',
      b: 'round',
      c: 'stadium',
      d: 'subroutine',
      e: 'cylinder',
      f: 'circle',
      g: 'odd',
      h: 'diamond',
      i: 'hexagon',
      j: 'lean_right',
      k: 'lean_left',
      l: 'trapezoid',
      m: 'inv_trapezoid',
      n: 'doublecircle',
    });
  });

  it('reads the new shape syntax', async () => {
    const r = await diagramOf('flowchart LR\n  A@{ shape: cyl, label: "Orders" } --> B@{ shape: diam, label: "ok?" }');
    expect(node(r, 'A')).toMatchObject({ shape: 'cylinder', label: 'Orders', kind: 'database' });
    expect(node(r, 'B')).toMatchObject({ shape: 'diamond', kind: 'step' });
  });

  it('reads edge labels, dotted (asynchronous), thick and invisible links, & and chains', async () => {
    const r = await diagramOf(`flowchart LR
      A -->|reads| B
      A -. publishes .-> Q
      B == writes ==> C
      C ~~~ D
      X & Y --> Z --> W`);
    const e = (s: string, t: string) => r.diagram.edges.find((x) => x.source === s && x.target === t)!;
    expect(e('A', 'B')).toMatchObject({ label: 'reads', mode: 'sync' });
    expect(e('A', 'B').style).toBeUndefined();
    expect(e('A', 'Q')).toMatchObject({ label: 'publishes', mode: 'async' });
    expect(e('B', 'C')).toMatchObject({ label: 'writes', style: 'thick' });
    expect(e('C', 'D').style).toBe('invisible');
    expect(['X>Z', 'Y>Z', 'Z>W'].every((k) => r.diagram.edges.some((x) => `${x.source}>${x.target}` === k))).toBe(true);
  });

  it('turns nested subgraphs into nested groups with their own direction and titles', async () => {
    const r = await diagramOf(`flowchart TB
      subgraph region["US East"]
        direction LR
        subgraph az1[AZ 1]
          api1[API]
        end
        subgraph az2[AZ 2]
          api2[API]
        end
      end
      lb[LB] --> api1 & api2
      lb --> az2`);
    expect(node(r, 'region')).toMatchObject({ kind: 'group', label: 'US East', direction: 'LR' });
    expect(node(r, 'az1')).toMatchObject({ kind: 'group', parentId: 'region' });
    expect(node(r, 'api1').parentId).toBe('az1');
    expect(node(r, 'api2').parentId).toBe('az2');
    expect(r.diagram.edges.some((e) => e.source === 'lb' && e.target === 'az2')).toBe(true);
    expect(r.counts.groups).toBe(3);
  });

  it('keeps fills from style and classDef lines only when they are colours', async () => {
    const r = await diagramOf(`flowchart LR
      A --> B --> C --> D
      style A fill:#f9f,stroke:#333
      style B fill:notacolour
      classDef hot fill:tomato
      classDef sneaky fill:ex-pression
      class C hot
      class D sneaky`);
    expect(node(r, 'A').color).toBe('#f9f');
    expect(node(r, 'B').color).toBeUndefined();
    expect(node(r, 'C').color).toBe('tomato');
    expect(node(r, 'D').color).toBeUndefined();
  });

  it('turns labels into text: line breaks, quotes, Markdown, entity codes, unicode', async () => {
    const r = await diagramOf(`flowchart LR
      A["Order Service<br/>Checkout"] --> B["He said #quot;hi#quot; #9829; &amp; left"]
      B --> C["\`**Bold** and _it_\`"] --> D("Emoji 🚀 ünïcode")
      D --> E["<b>bold</b><script>alert(1)</script><img src=x onerror=alert(1)>x"]`);
    expect(node(r, 'A').label).toBe('Order Service\nCheckout');
    expect(node(r, 'B').label).toBe('He said "hi" ♥ & left');
    expect(node(r, 'C').label).toBe('Bold and it');
    expect(node(r, 'D').label).toBe('Emoji 🚀 ünïcode');
    expect(node(r, 'E').label).toBe('boldx');
  });

  it('keeps click lines in the text (never run) and ignores init directives, with notices, and keeps the nodes', async () => {
    const r = await diagramOf(`%%{init: {"theme": "dark", "maxEdges": 1}}%%
flowchart LR
      A --> B --> C
      click A callback "Tooltip"
      click B href "https://example.com"`);
    expect(r.diagram.nodes.map((n) => n.id).sort()).toEqual(['A', 'B', 'C']);
    expect(r.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/2 click lines stay in the diagram's text: kept for the export, never run here/),
        expect.stringMatching(/directives were ignored/),
      ]),
    );
    // The directive could not lower the edge limit: both edges are there.
    expect(r.diagram.edges).toHaveLength(2);
  });

  it('merges a repeated link and leaves out links to the same node, saying so', async () => {
    const r = await diagramOf('flowchart LR\n  A -->|read| B\n  A -->|write| B\n  B --> B');
    expect(r.diagram.edges).toHaveLength(1);
    expect(r.diagram.edges[0].label).toBe('read / write');
    expect(r.notices.join(' ')).toMatch(/appears more than once/);
    expect(r.notices.join(' ')).toMatch(/to itself/);
  });
});

describe('sequence diagrams', () => {
  it('makes participants nodes, caller -> callee pairs edges, and keeps every message in order with its blocks', async () => {
    const r = await diagramOf(`sequenceDiagram
      actor U as Shopper
      participant G as Gateway
      participant P as Payments
      U->>G: POST /checkout
      alt card ok
        G->>P: charge
        P-->>G: charged
        G-->>U: 202 Accepted
      else declined
        G--xU: 402
      end
      par notify
        G-)K: order.created
      and audit
        G->>A: log
      end
      loop every 5 s
        G->>P: status?
      end
      Note over U,G: all async from here`);
    expect(r.diagram.nodes.map((n) => n.id)).toEqual(['U', 'G', 'P', 'K', 'A']);
    expect(node(r, 'U')).toMatchObject({ kind: 'client', label: 'Shopper' });
    expect(r.diagram.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['G>A', 'G>K', 'G>P', 'U>G']);
    const flow = r.diagram.flows[0];
    expect(flow.steps.map((s) => s.label)).toEqual(['POST /checkout', 'charge', 'charged', '202 Accepted', '402', 'order.created', 'log', 'status?']);
    expect(flow.steps.map((s) => s.reply)).toEqual([false, false, true, true, true, false, false, false]);
    expect(flow.steps[5].async).toBe(true);
    expect(flow.blocks.map((b) => `${b.type}:${b.label}`)).toEqual(['alt:card ok', 'alt:declined', 'par:notify', 'par:audit', 'loop:every 5 s']);
    expect(flow.steps[1].block).toBe(0);
    expect(flow.steps[4].block).toBe(1);
    expect(flow.steps[7].block).toBe(4);
    // Participants in a row, as Mermaid draws them (layout is done by importMermaid).
  });
});

describe('state diagrams', () => {
  it('reads states, the start and end markers, labelled transitions, composite states and notes', async () => {
    const r = await diagramOf(`stateDiagram-v2
      [*] --> Closed
      Closed --> Open : Failure threshold exceeded
      Open --> HalfOpen : Timeout expires
      HalfOpen --> Closed : Success threshold met
      HalfOpen --> Open : Failure occurs
      state Recovering {
        Probing --> Done
      }
      Closed --> [*]
      note right of Closed : All requests pass through`);
    const labels = r.diagram.nodes
      .filter((n) => n.kind !== 'group')
      .map((n) => n.label)
      .sort();
    expect(labels).toEqual(['Closed', 'Done', 'End', 'HalfOpen', 'Open', 'Probing', 'Start']);
    expect(r.diagram.nodes.every((n) => n.kind === 'step' || n.kind === 'group')).toBe(true);
    expect(r.diagram.nodes.find((n) => n.label === 'Probing')!.parentId).toBe('Recovering');
    expect(r.diagram.edges.find((e) => e.label === 'Failure threshold exceeded')).toMatchObject({ source: 'Closed', target: 'Open' });
    expect(node(r, 'Closed').notes).toBe('All requests pass through');
  });
});

describe('architecture diagrams', () => {
  it('reads services with icon kinds, nested groups, junctions and edges', async () => {
    const r = await diagramOf(`architecture-beta
      group api(cloud)[API]
      group inner(server)[Inner] in api
      service db(database)[Orders] in api
      service files(disk)[Files] in api
      service server(server)[Server] in inner
      junction j1 in api
      db:L -- R:server
      files:T -- B:server
      server:R --> L:j1`);
    expect(node(r, 'db')).toMatchObject({ kind: 'database', parentId: 'api' });
    expect(node(r, 'files').kind).toBe('objectStore');
    expect(node(r, 'server')).toMatchObject({ kind: 'service', parentId: 'inner' });
    expect(node(r, 'inner')).toMatchObject({ kind: 'group', parentId: 'api' });
    expect(node(r, 'j1').kind).toBe('step');
    expect(r.diagram.edges).toHaveLength(3);
  });
});

describe('refusals', () => {
  async function refusal(text: string): Promise<MermaidImportError> {
    try {
      await parseMermaid(text);
    } catch (error) {
      expect(error).toBeInstanceOf(MermaidImportError);
      return error as MermaidImportError;
    }
    throw new Error('expected a refusal');
  }

  it('names the supported types for any other kind of diagram', async () => {
    expect((await refusal('pie title Pets\n  "Dogs" : 3')).message).toMatch(
      /This is a pie diagram. Faultline imports flowchart \(or graph\), sequenceDiagram, stateDiagram-v2 and architecture-beta/,
    );
    expect((await refusal('hello world')).message).toMatch(/cannot tell what kind of diagram/);
    expect((await refusal('   ')).message).toMatch(/no diagram text/);
  });

  it('gives the line of a syntax error', async () => {
    const e = await refusal('flowchart LR\n  A --> B\n  B -->\n  C[[x');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/\(line 5\)/);
  });

  it('refuses text over 50,000 characters and more than 2,000 edges', async () => {
    expect((await refusal(`flowchart LR\n${'  A --> B\n'.repeat(6_000)}`)).message).toMatch(/Mermaid reads at most 50,000/);
    const lines = Array.from({ length: MAX_EDGES + 1 }, (_, i) => `n${i}-->n${i + 1}`).join('\n');
    expect((await refusal(`flowchart LR\n${lines}`)).message).toMatch(/more than 2,000 connections/);
  });

  it('takes 600 edges (above mermaid\u2019s default limit of 500)', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => `n${i}-->n${i + 1}`).join('\n');
    expect((await diagramOf(`flowchart LR\n${lines}`)).diagram.edges).toHaveLength(600);
  });
});

describe('refusals from inside mermaid', () => {
  it('says in words when mermaid’s parser fails inside its own code (found by the fuzz corpus)', async () => {
    // mermaid's class diagram parser throws a TypeError on this; the person gets no engine text.
    const text = 'classDiagramss01 <|-- AveryLongClass : Cool\n<<Interface>> Class01\nClass09 --> C2 : Where am I?';
    const error = await parseMermaid(text).catch((e: unknown) => e as MermaidImportError);
    expect(error).toBeInstanceOf(MermaidImportError);
    expect((error as MermaidImportError).message).toBe(
      "Mermaid could not read this diagram: its parser stopped without saying where. Check the text against Mermaid's syntax; Faultline imports flowchart (or graph), sequenceDiagram, stateDiagram-v2 and architecture-beta.",
    );
  });
});

describe('sequence diagrams in Node', () => {
  it('reads a box of participants as a group with its colour, as a browser does (CSS.supports)', async () => {
    const text = 'sequenceDiagram\n    box Aqua Checkout\n    participant A as Web\n    participant B as API\n    end\n    A->>B: place order\n    B-->>A: 202';
    const { diagram } = await diagramOf(text);
    const box = diagram.nodes.find((n) => n.kind === 'group');
    expect(box).toMatchObject({ id: 'box_1', label: 'Checkout', color: 'aqua' });
    expect(
      diagram.nodes
        .filter((n) => n.parentId === 'box_1')
        .map((n) => n.label)
        .sort(),
    ).toEqual(['API', 'Web']);
    expect(diagram.flows[0].steps).toHaveLength(2);
  });

  it('reads a capitalised colour name the way a browser does, and a box named without one as its name', async () => {
    const { diagram } = await diagramOf(
      'sequenceDiagram\n    box Purple Alice & John\n    participant A\n    end\n    box Nonsense words\n    participant B\n    end\n    A->>B: hi',
    );
    const boxes = diagram.nodes.filter((n) => n.kind === 'group');
    expect(boxes.map((b) => [b.label, b.color])).toEqual([
      ['Alice & John', 'purple'],
      ['Nonsense words', undefined],
    ]);
  });

  it('takes what a participant’s type says it is', async () => {
    const { diagram } = await diagramOf(
      'sequenceDiagram\n    participant O@{ "type": "database" }\n    participant Q@{ "type": "queue" }\n    actor U\n    U->>O: read\n    O->>Q: emit',
    );
    expect(Object.fromEntries(diagram.nodes.map((n) => [n.id, n.kind]))).toEqual({ O: 'database', Q: 'queue', U: 'client' });
  });
});

describe('what the canvas does not show stays in the text, and the preview says so', () => {
  it('Font Awesome icons leave the label and are counted', async () => {
    const r = await diagramOf('flowchart TD\n    B["fa:fa-twitter for peace"]\n    B-->C[fa:fa-ban forbidden]\n    B-->D(fa:fa-spinner)');
    expect(Object.fromEntries(r.diagram.nodes.map((n) => [n.id, n.label]))).toEqual({ B: 'for peace', C: 'forbidden', D: 'D' });
    expect(r.notices).toContain("3 Font Awesome icons stay in the diagram's text: the canvas shows each node's kind, the export writes the icons back");
  });

  it('icons from icon packs are named', async () => {
    const r = await diagramOf(
      'architecture-beta\n    group api(logos:aws-lambda)[API]\n    service db(logos:aws-aurora)[Database] in api\n    service s(server)[Server] in api\n    db:L -- R:s',
    );
    expect(r.notices).toEqual(
      expect.arrayContaining([expect.stringMatching(/^2 icons from icon packs \(logos:aws-aurora, logos:aws-lambda\) stay in the diagram's text/)]),
    );
  });

  it('sequence notes are counted', async () => {
    const r = await diagramOf('sequenceDiagram\n    A->>B: hi\n    Note over A,B: one\n    Note right of B: two');
    expect(r.notices).toContain("2 notes stay in the diagram's text (the canvas does not show sequence notes); the Mermaid export writes them back");
  });
});
