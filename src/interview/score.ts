// A rubric's shape and its arithmetic: the weighted score of what is scored and its decision band,
// computed here once for the scorecard, the report and the tests. (Parsing is in rubric.ts.)

export interface RubricCriterion {
  name: string;
  weight: number;
  /** Level → what a candidate at that level shows. */
  descriptors: Record<number, string[]>;
}

export interface RubricBand {
  /** The lowest weighted score in the band. */
  from: number;
  label: string;
}

export interface RedFlag {
  group: string;
  name: string;
  description: string;
}

export interface Rubric {
  id: string;
  title: string;
  source: string;
  scale: { min: number; max: number };
  levels: Record<number, string>;
  bands: RubricBand[];
  criteria: RubricCriterion[];
  redFlags: RedFlag[];
}

export interface RubricResult {
  /** The weighted mean of the scored criteria, or null when none is scored. */
  score: number | null;
  /** Criteria scored / all criteria. */
  scored: number;
  band: string | null;
}

/** The weighted score of the criteria scored so far and its decision band. */
export function scoreRubric(rubric: Rubric, scores: Readonly<Record<string, number | undefined>>): RubricResult {
  let sum = 0;
  let weights = 0;
  let scored = 0;
  for (const c of rubric.criteria) {
    const s = scores[c.name];
    if (s === undefined || !Number.isFinite(s) || s < rubric.scale.min || s > rubric.scale.max) continue;
    sum += s * c.weight;
    weights += c.weight;
    scored++;
  }
  if (scored === 0) return { score: null, scored, band: null };
  // Rounded to hundredths so that 3.15 is 3.15 (not 3.1499999...) when it meets a band's edge.
  const score = Math.round((sum / weights) * 100) / 100;
  const band = rubric.bands.find((b) => score >= b.from)?.label ?? null;
  return { score, scored, band };
}
