// The TemplateError a parser of people's files (questions, rubrics) refuses a text with.
import { parseTemplate, TemplateError } from '../../src/templates/parseTemplate';

export function refusal(text: string, parse: (t: string) => unknown = parseTemplate): TemplateError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('parsed without complaint');
}
