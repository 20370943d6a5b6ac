import { expect } from '@open-wc/testing';
import { html } from 'lit';
import sinon from 'sinon';
import { minimalBundle, mount } from '../fixtures.js';
import { formatDate, stringsFor, UI_LANGUAGES, type Strings } from '../../src/internal/strings.js';

describe('stringsFor', () => {
  const en = stringsFor('en');
  const es = stringsFor('es');

  it('has English and Spanish', () => {
    expect(UI_LANGUAGES).to.have.members(['en', 'es']);
    expect(en.howItWorks).to.equal('How it works');
    expect(es.howItWorks).to.equal('Cómo funciona');
  });

  it('uses the base language of a regional tag, in any case', () => {
    expect(stringsFor('es-MX')).to.deep.equal(es);
    expect(stringsFor('ES-419')).to.deep.equal(es);
    expect(stringsFor('en-GB')).to.deep.equal(en);
  });

  it('falls back to English for a language it does not have, or none', () => {
    expect(stringsFor('fr')).to.deep.equal(en);
    expect(stringsFor('fr-CA')).to.deep.equal(en);
    expect(stringsFor('')).to.deep.equal(en);
    expect(stringsFor('not a tag')).to.deep.equal(en);
  });

  it('translates every English key into Spanish: present, non-empty, not left in English', () => {
    const keys = Object.keys(en) as (keyof Strings)[];
    expect(Object.keys(es)).to.have.members(keys);
    for (const key of keys) {
      expect(es[key], key).to.be.a('string').and.not.match(/^\s*$/);
      expect(es[key], key).to.not.equal(en[key]);
    }
  });
});

describe('formatDate', () => {
  afterEach(() => {
    sinon.restore();
  });

  it('writes the long date in English and Spanish', () => {
    expect(formatDate('2021-03-12', 'en')).to.equal('March 12, 2021');
    expect(formatDate('2021-03-12', 'en-US')).to.equal('March 12, 2021');
    expect(formatDate('2021-03-12', 'es')).to.equal('12 de marzo de 2021');
    expect(formatDate('2021-03-12', 'es-MX')).to.equal('12 de marzo de 2021');
  });

  it('keeps the calendar day at the edges of the year and month', () => {
    expect(formatDate('2021-01-01', 'en')).to.equal('January 1, 2021');
    expect(formatDate('2020-12-31', 'en')).to.equal('December 31, 2020');
    expect(formatDate('2024-02-29', 'en')).to.equal('February 29, 2024');
    expect(formatDate('0099-07-04', 'en')).to.contain('July 4').and.contain('99');
  });

  it('names the same calendar day whatever the reader’s time zone', () => {
    // Stand in for readers far west and far east of UTC: any formatter built
    // without an explicit zone gets one of these as its "local" zone.
    const Real = Intl.DateTimeFormat;
    for (const zone of ['Pacific/Pago_Pago', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Tokyo']) {
      sinon.restore();
      sinon
        .stub(Intl, 'DateTimeFormat')
        .callsFake((locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) => new Real(locales, { timeZone: zone, ...options }));
      expect(formatDate('2021-01-01', 'en'), zone).to.equal('January 1, 2021');
      expect(formatDate('2021-03-12', 'es'), zone).to.equal('12 de marzo de 2021');
    }
  });

  it('falls back to the ISO date for a language tag Intl rejects, without throwing', () => {
    for (const lang of ['not a tag!!', 'en_US_bad', '']) {
      expect(() => formatDate('2021-03-12', lang), lang).not.to.throw();
      expect(formatDate('2021-03-12', lang), lang).to.equal('2021-03-12');
    }
  });
});

describe('date formatters', () => {
  afterEach(() => {
    sinon.restore();
  });

  // The first Intl.DateTimeFormat of a page costs milliseconds: none until a date is shown.
  it('makes none while the elements load, and none for an element that shows no date', async () => {
    const made = sinon.spy(Intl, 'DateTimeFormat');
    await import('../../src/define.js');
    const bundle = minimalBundle();
    delete bundle.quotes[0].articleId;
    delete bundle.quotes[0].source;
    await mount(html`<expert-quote .bundle=${bundle} quote="q1" lang="es-AR"></expert-quote>`);
    expect(made.callCount).to.equal(0);
    await mount(html`<news-teaser .bundle=${bundle} lang="es-AR"></news-teaser>`);
    expect(made.callCount).to.equal(1);
  });

  it('makes one per language, however many dates and however the tag is written', () => {
    const made = sinon.spy(Intl, 'DateTimeFormat');
    for (const lang of ['de', 'DE', 'de', 'De']) expect(formatDate('2021-03-12', lang)).to.equal('12. März 2021');
    expect(made.callCount).to.equal(1);
  });
});
