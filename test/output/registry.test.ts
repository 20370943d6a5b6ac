import { expect } from '@open-wc/testing';
import { ITEM_KINDS } from '../../src/content/schema.js';
import { attributesOf, ELEMENTS, entryOfKind, entryOfTag } from '../../src/output/registry.js';

describe('element registry', () => {
  it('reads each element’s attributes from its declared properties', () => {
    const card = entryOfTag('therapy-card')!;
    expect(attributesOf(card).map((a) => a.attribute)).to.include.members(['src', 'lang', 'variant', 'theme', 'heading-level', 'therapy']);
    const headingLevel = attributesOf(card).find((a) => a.attribute === 'heading-level')!;
    expect(headingLevel.property).to.equal('headingLevel');
    // Not attributes: the bundle property, and the state the element reflects itself.
    expect(attributesOf(card).map((a) => a.attribute)).not.to.include.members(['bundle', 'state']);
    expect(attributesOf(entryOfTag('expert-quote')!).map((a) => a.attribute)).to.include.members(['quote', 'therapy']);
  });

  it('has one element per item list but experts, each picking its item by its id attribute', () => {
    expect(ITEM_KINDS.map((kind) => entryOfKind(kind)?.tag)).to.deep.equal(['therapy-card', 'news-teaser', undefined, 'expert-quote']);
    for (const entry of ELEMENTS) {
      expect(attributesOf(entry).map((a) => a.attribute)).to.include(entry.idAttribute);
      expect(customElements.get(entry.tag) ?? entry.ctor).to.equal(entry.ctor);
    }
  });
});
