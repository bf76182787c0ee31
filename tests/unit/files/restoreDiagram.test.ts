import { describe, expect, it } from 'vitest';
import { restoreDiagram } from '../../../src/files/restoreDiagram';
import { threeTier } from '../../helpers/builders';

describe('restoring a diagram', () => {
  it('keeps the question a diagram was started from, and drops a link that is not an id', () => {
    const { diagram } = threeTier();
    expect(restoreDiagram({ ...diagram, templateId: 'ecommerce', templateBlock: 2 }).diagram).toMatchObject({ templateId: 'ecommerce', templateBlock: 2 });
    const odd = restoreDiagram({ ...diagram, templateId: '../../etc', templateBlock: 2 }).diagram;
    expect(odd.templateId).toBeUndefined();
    expect(odd.templateBlock).toBeUndefined();
    expect(restoreDiagram({ ...diagram, templateId: 'ecommerce', templateBlock: 1.5 }).diagram.templateBlock).toBeUndefined();
  });
});
