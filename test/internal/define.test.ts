import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { attachContextRoot, defineElement, VERSION } from '../../src/internal/define.js';

const VERSION_KEY = Symbol.for('therapy-widgets.version');
/** The page-wide "already warned" flag: one warning per page, so each test starts from a page that has not warned. */
const WARNED_KEY = Symbol.for('therapy-widgets.duplicate-warned');

type Stamped = CustomElementConstructor & { [VERSION_KEY]?: string };

let counter = 0;
/** A tag no test has used yet: the registry cannot forget a definition. */
function freshTag(): string {
  counter += 1;
  return `tw-define-test-${counter}`;
}

/** A new, distinct element class each call. */
function elementClass(): CustomElementConstructor {
  return class extends HTMLElement {};
}

/** A class as another therapy-widgets version would have registered it. */
function otherVersion(version: string): Stamped {
  const ctor = elementClass() as Stamped;
  ctor[VERSION_KEY] = version;
  return ctor;
}

describe('defineElement', () => {
  let warn: sinon.SinonStub;

  beforeEach(() => {
    delete (globalThis as Record<symbol, unknown>)[WARNED_KEY];
    warn = sinon.stub(console, 'warn');
  });

  afterEach(() => {
    sinon.restore();
  });

  it('defines a new tag and stamps the class with this version', () => {
    const tag = freshTag();
    const ctor = elementClass();
    defineElement(tag, ctor);
    expect(customElements.get(tag)).to.equal(ctor);
    expect((ctor as Stamped)[VERSION_KEY]).to.equal(VERSION);
    expect(document.createElement(tag)).to.be.instanceOf(ctor);
    expect(warn.called).to.equal(false);
  });

  it('is silent when the same class is defined again', () => {
    const tag = freshTag();
    const ctor = elementClass();
    defineElement(tag, ctor);
    expect(() => defineElement(tag, ctor)).not.to.throw();
    defineElement(tag, ctor);
    expect(customElements.get(tag)).to.equal(ctor);
    expect(warn.called).to.equal(false);
  });

  it('keeps the first class and warns once when another copy of this same version defines the tag', () => {
    const tag = freshTag();
    const first = elementClass();
    const second = elementClass();
    defineElement(tag, first);
    expect(() => defineElement(tag, second)).not.to.throw();
    expect(customElements.get(tag)).to.equal(first);
    // SPEC 6: loading the script twice on a page logs one warning, so the
    // duplicate script can be found (test/pages/double.html loads one version three times).
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain(VERSION).and.contain(`<${tag}>`);
  });

  it('warns once, naming both versions, when another version defined the tag first; keeps the first', () => {
    const tag = freshTag();
    const older = otherVersion('0.0.1');
    customElements.define(tag, older);
    const ours = elementClass();
    expect(() => defineElement(tag, ours)).not.to.throw();
    expect(customElements.get(tag)).to.equal(older);
    expect(warn.callCount).to.equal(1);
    const message = String(warn.firstCall.args[0]);
    expect(message).to.contain('0.0.1').and.contain(VERSION).and.contain(`<${tag}>`);
    expect(document.createElement(tag)).to.be.instanceOf(older);
  });

  it('warns once per page, however many tags the second copy tries to define', () => {
    const tags = [freshTag(), freshTag(), freshTag(), freshTag()];
    for (const tag of tags) customElements.define(tag, otherVersion('0.0.1'));
    for (const tag of tags) defineElement(tag, elementClass());
    expect(warn.callCount).to.equal(1);
  });

  it('warns when a class from another library holds the tag; keeps it', () => {
    const tag = freshTag();
    const foreign = elementClass();
    customElements.define(tag, foreign);
    expect(() => defineElement(tag, elementClass())).not.to.throw();
    expect(customElements.get(tag)).to.equal(foreign);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain(VERSION).and.contain(`<${tag}>`);
  });
});

describe('attachContextRoot', () => {
  afterEach(() => {
    sinon.restore();
  });

  it('attaches one context root to the document, however often it is called', () => {
    const listen = sinon.spy(document.documentElement, 'addEventListener');
    expect(() => {
      attachContextRoot();
      attachContextRoot();
    }).not.to.throw();
    const requests = listen.getCalls().filter((call) => call.args[0] === 'context-request');
    expect(requests).to.have.length(1);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('therapy-widgets.context-root')]).to.equal(true);
  });
});
