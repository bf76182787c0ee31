// The postmortem as a document of sections and blocks, written once and rendered twice: as
// Markdown (the figures as files beside it) and as a printable HTML page (the figures inline).
import { count, ms, pct } from '../sim/numbers';
import { formatTime } from '../sim/timeline';
import type { PostmortemFacts } from './facts';
import type { Figure } from './figures';

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; head: string[]; rows: string[][] }
  | { type: 'figure'; figure: Figure }
  /** Lines for the author to complete: checkboxes in Markdown, blank lines on paper. */
  | { type: 'todo'; items: string[] };

export interface Section {
  title: string;
  blocks: Block[];
}

export interface PostmortemDocument {
  title: string;
  /** What the document was made from, for its first line. */
  source: string;
  sections: Section[];
}

export const SECTION_TITLES = [
  'Summary',
  'Impact',
  'The diagram at the worst moment',
  'Timeline',
  'Amplification',
  'Charts',
  'The fix',
  'Action items',
] as const;

const rate = (v: number) => `${v >= 100 ? Math.round(v) : v.toFixed(1)}/s`;
const span = (from: number, to: number | null, end: number) =>
  to === null
    ? `${formatTime(from)} to the end of the run (${formatTime(end)}), not recovered`
    : `${formatTime(from)} to ${formatTime(to)} (${formatTime(to - from)})`;

function summary(f: PostmortemFacts): Block[] {
  const faults = f.faults.map((x) => `${x.text} from ${formatTime(x.from)} to ${formatTime(x.to)}`);
  const who =
    f.affected.length === 0
      ? 'No client fell outside its SLO, and no request failed.'
      : `${f.affected.map((c) => c.label).join(', ')} ${f.affected.length === 1 ? 'was' : 'were'} affected${f.window ? `, from ${span(f.window.from, f.window.to, f.durationMs)}` : ''}. ${count(f.failed)} of ${count(f.requests)} requests failed (${pct(f.requests > 0 ? f.failed / f.requests : 0)}); the worst hit, ${f.worst?.label}, kept ${pct(f.worst?.successRatio ?? 1)} success.`;
  return [
    { type: 'paragraph', text: faults.length ? `What broke: ${faults.join('; ')}.` : 'No fault was injected in this run.' },
    { type: 'paragraph', text: who },
  ];
}

function impact(f: PostmortemFacts): Block[] {
  const blocks: Block[] = [];
  if (f.affected.length > 0)
    blocks.push({
      type: 'table',
      head: ['Client', 'Requests', 'Failed', 'Success', 'p99', 'Outside its SLO'],
      rows: f.affected.map((c) => [c.label, count(c.requests), count(c.failed), pct(c.successRatio), ms(c.p99Ms), span(c.from, c.to, f.durationMs)]),
    });
  if (f.unaffected.length > 0) blocks.push({ type: 'paragraph', text: `Within their SLO throughout: ${f.unaffected.join(', ')}.` });
  if (f.nodes.length > 0)
    blocks.push({
      type: 'table',
      head: ['Component', 'First unhealthy', 'How', 'Failures'],
      rows: f.nodes.map((n) => [n.label, formatTime(n.unhealthyAt), n.worst, count(n.failures)]),
    });
  return blocks.length ? blocks : [{ type: 'paragraph', text: 'Nothing was affected.' }];
}

function amplification(f: PostmortemFacts): Block[] {
  const blocks: Block[] = [];
  if (f.edges.length > 0)
    blocks.push({
      type: 'table',
      head: ['Call', 'Attempts/s before', 'Peak attempts/s', 'Retries', 'Mean attempts', 'Timeouts', 'Breaker opened'],
      rows: f.edges.map((e) => [
        `${e.from} → ${e.to}`,
        rate(e.baselineRate),
        rate(e.peakRate),
        count(e.retries),
        e.meanAttempts.toFixed(2),
        count(e.timeouts),
        count(e.breakerOpened),
      ]),
    });
  if (f.nodes.length > 0)
    blocks.push({
      type: 'table',
      head: ['Component', 'Arrivals/s before', 'Peak arrivals/s', 'Longest queue', 'Peak utilisation'],
      rows: f.nodes.map((n) => [n.label, rate(n.baselineRate), rate(n.peakRate), count(n.maxQueueDepth), pct(n.peakUtilisation)]),
    });
  return blocks.length
    ? blocks
    : [{ type: 'paragraph', text: 'No call was retried or timed out, no breaker opened and no load rose above its level before the fault.' }];
}

function fix(f: PostmortemFacts): Block[] {
  if (!f.fix)
    return [
      {
        type: 'paragraph',
        text: 'No run with a fix was compared. Run the scenario with the fix in place and write the postmortem from the comparison to measure it.',
      },
    ];
  return [
    { type: 'paragraph', text: `Compared with the run “${f.fix.name}” (seed ${f.fix.seed}):` },
    {
      type: 'table',
      head: ['Client', 'Success (incident)', 'Success (fix)', 'Change', 'p99 (incident)', 'p99 (fix)'],
      rows: f.fix.clients.map((c) => [
        c.label,
        pct(c.a.successRatio),
        pct(c.b.successRatio),
        `${c.successPoints >= 0 ? '+' : ''}${c.successPoints.toFixed(1)} points`,
        ms(c.a.latency.p99),
        ms(c.b.latency.p99),
      ]),
    },
    { type: 'list', items: f.fix.sentences },
  ];
}

export function postmortemDocument(f: PostmortemFacts, figures: Figure[]): PostmortemDocument {
  const [diagram, ...charts] = figures;
  const sections: Section[] = [
    { title: 'Summary', blocks: summary(f) },
    { title: 'Impact', blocks: impact(f) },
    {
      title: 'The diagram at the worst moment',
      blocks: diagram ? [{ type: 'figure', figure: diagram }] : [{ type: 'paragraph', text: 'The diagram is empty.' }],
    },
    {
      title: 'Timeline',
      blocks: [
        f.timeline.length
          ? { type: 'table', head: ['Time', 'What happened'], rows: f.timeline.map((e) => [formatTime(e.t), e.text]) }
          : { type: 'paragraph', text: 'Nothing happened worth telling.' },
      ],
    },
    { title: 'Amplification', blocks: amplification(f) },
    {
      title: 'Charts',
      blocks: charts.length
        ? charts.map((figure) => ({ type: 'figure', figure }))
        : [{ type: 'paragraph', text: 'Nothing was affected, so there is nothing to chart.' }],
    },
    { title: 'The fix', blocks: fix(f) },
    {
      title: 'Action items',
      blocks: [
        { type: 'paragraph', text: 'For the author to complete: what to change, who owns it, by when.' },
        { type: 'todo', items: ['', '', ''] },
      ],
    },
  ];
  return {
    title: f.title,
    source: `Simulated by Faultline: diagram “${f.diagramName}”, scenario “${f.scenarioName}”, seed ${f.seed}, ${formatTime(f.durationMs)} of simulated time.`,
    sections,
  };
}
