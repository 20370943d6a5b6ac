// The side-effect-free entry: importing it defines nothing. Only this import
// runs in this file's page (web-test-runner gives each test file its own page).
import { expect } from '@open-wc/testing';
import * as entry from '../src/index.js';

describe('therapy-widgets (side-effect-free entry)', () => {
  it('defines no element', () => {
    for (const tag of ['therapy-card', 'news-teaser', 'expert-quote', 'therapy-content']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('exports the element classes, unregistered', () => {
    for (const ctor of [entry.TherapyCard, entry.NewsTeaser, entry.ExpertQuote, entry.TherapyContent]) {
      expect(ctor).to.be.a('function');
      expect(ctor.prototype).to.be.instanceOf(HTMLElement.prototype.constructor);
      expect(customElements.getName(ctor)).to.equal(null);
    }
  });

  it('exports the helpers to define them and to load content', () => {
    expect(entry.defineElement).to.be.a('function');
    expect(entry.loadBundle).to.be.a('function');
    expect(entry.validateBundle).to.be.a('function');
    expect(entry.VERSION).to.match(/^\d+\.\d+\.\d+/);
  });

  it('attaches no context root to the document', () => {
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('therapy-widgets.context-root')]).to.equal(undefined);
  });
});
