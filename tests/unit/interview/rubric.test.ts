import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRubric, scoreRubric } from '../../../src/interview/rubric';

const file = (name: string) => readFileSync(join(__dirname, '../../../templates/rubrics', name), 'utf8');
const weighted = parseRubric(file('senior-weighted.md'));
const matrix = parseRubric(file('senior-matrix.md'));
const scores = (names: string[], values: number[]) => Object.fromEntries(names.map((n, i) => [n, values[i]]));

describe('the interviewer’s guide’s weighted rubric', () => {
  it('has the five criteria with the guide’s weights and four levels of descriptors each', () => {
    expect(weighted.criteria.map((c) => [c.name, c.weight])).toEqual([
      ['Technical Architecture', 30],
      ['Scalability & Performance', 25],
      ['Distributed Systems Knowledge', 20],
      ['Production Readiness', 15],
      ['Communication & Leadership', 10],
    ]);
    for (const c of weighted.criteria) for (const level of [1, 2, 3, 4]) expect(c.descriptors[level].length).toBe(4);
    expect(weighted.criteria[0].descriptors[4][0]).toBe('Designs well-structured, scalable architecture');
    expect(weighted.levels).toEqual({ 1: 'Poor', 2: 'Needs Improvement', 3: 'Good', 4: 'Excellent' });
  });

  it.each([
    [[4, 3, 3, 2, 3], 3.15, 'Hire'],
    [[4, 4, 4, 4, 4], 4, 'Strong Hire'],
    [[4, 4, 3, 3, 3], 3.55, 'Strong Hire'],
    [[3, 3, 3, 3, 3], 3, 'Hire'],
    [[3, 3, 2, 3, 3], 2.8, 'Hire'],
    [[3, 2, 3, 2, 3], 2.6, 'No Hire'],
    [[2, 2, 2, 2, 2], 2, 'No Hire'],
    [[2, 2, 1, 2, 2], 1.8, 'Strong No Hire'],
    [[1, 1, 1, 1, 1], 1, 'Strong No Hire'],
  ])('scores %j as %s: %s', (values, score, band) => {
    const names = weighted.criteria.map((c) => c.name);
    expect(scoreRubric(weighted, scores(names, values))).toEqual({ score, scored: 5, band });
  });

  it('scores what is scored so far, and nothing before anything is', () => {
    expect(scoreRubric(weighted, {})).toEqual({ score: null, scored: 0, band: null });
    expect(scoreRubric(weighted, { 'Technical Architecture': 4, 'Communication & Leadership': 2 })).toEqual({ score: 3.5, scored: 2, band: 'Strong Hire' });
    expect(scoreRubric(weighted, { 'Technical Architecture': 9 }).scored).toBe(0);
  });
});

describe('the practice guide’s scoring matrix', () => {
  it('has seven equally weighted criteria on 1 to 5, and the ten red flags', () => {
    expect(matrix.criteria).toHaveLength(7);
    expect(new Set(matrix.criteria.map((c) => c.weight))).toEqual(new Set([1]));
    expect(matrix.criteria[0]).toMatchObject({
      name: 'Problem Analysis',
      descriptors: { 5: ['Identifies all nuances, edge cases'], 1: ['Superficial analysis'] },
    });
    expect(matrix.redFlags.map((f) => f.group)).toEqual([...Array(5).fill('Technical'), ...Array(5).fill('Process')]);
    expect(matrix.bands).toEqual([]);
    expect(
      scoreRubric(
        matrix,
        scores(
          matrix.criteria.map((c) => c.name),
          [5, 4, 4, 3, 3, 4, 5],
        ),
      ),
    ).toEqual({ score: 4, scored: 7, band: null });
  });
});

describe('a rubric file', () => {
  const base = file('senior-weighted.md');
  it.each([
    ['no front matter', 'id: x\n', /^Line 1: A rubric file starts/],
    ['YAML that does not parse', '---\nid: [\n---\n', /^Line \d+: The front matter is not valid YAML/],
    ['a weight that is not a number', base.replace('weight: 25', 'weight: lots'), /^Line 43: Scalability & Performance: "weight" must be a positive number/],
    [
      'a level off the scale',
      base.replace('      4:\n        - "Designs', '      7:\n        - "Designs'),
      /^Line 22: Technical Architecture: level 7 is not on the scale 1 to 4/,
    ],
    ['bands out of order', base.replace('from: 2.8', 'from: 3.9'), /^Line 15: Bands go from the highest score down/],
    ['a bad id', base.replace('id: senior-weighted', 'id: Senior Weighted!'), /^Line 2: "id" must be lower case/],
  ])('is refused with the line and the reason: %s', (_, text, message) => {
    expect(() => parseRubric(text)).toThrow(message);
  });
});
