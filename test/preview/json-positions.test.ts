import { expect } from '@open-wc/testing';
import { lineOf, locate, parseJson } from '../../demo/preview/json-positions.js';

const TEXT = `{
  "id": "x",
  "therapies": [
    { "id": "a", "sources": [{ "url": "javascript:1" }] },
    { "id": "b" }
  ]
}`;

const at = (text: string, keys: (string | number)[]) => {
  const place = locate(parseJson(text).tree, keys)!;
  return { text: text.slice(place.start, place.end), exact: place.exact };
};

describe('json positions', () => {
  it('finds a value by its keys, the field name included', () => {
    expect(at(TEXT, ['therapies', 0, 'sources', 0, 'url'])).to.deep.equal({ text: '"url": "javascript:1"', exact: true });
    expect(at(TEXT, ['therapies', 1])).to.deep.equal({ text: '{ "id": "b" }', exact: true });
    expect(at(TEXT, [])).to.deep.equal({ text: TEXT, exact: true });
  });

  it('points a missing field at the opening of the object that lacks it', () => {
    expect(at(TEXT, ['therapies', 1, 'name'])).to.deep.equal({ text: '{', exact: false });
    const missing = locate(parseJson(TEXT).tree, ['therapies', 1, 'name'])!;
    expect(TEXT.slice(missing.start, missing.start + 12)).to.equal('{ "id": "b" ');
  });

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    expect(at('{"a": 1, "a": 2}', ['a']).text).to.equal('"a": 2');
  });

  it('says once, plainly, where the text stops being JSON, with line and column', () => {
    const text = '{\n  "id": "x",\n  "title": oops\n}';
    const { syntax } = parseJson(text);
    expect(syntax).to.deep.include({ offset: text.indexOf('oops'), line: 3, column: 12 });
    expect(syntax!.message).to.equal('Not valid JSON at line 3, column 12: this character cannot start a value (text needs double quotes).');
    expect(parseJson('{"a": 1,}').syntax!.message).to.contain('line 1, column 9');
    expect(parseJson('{"a": 1} // note').syntax).to.exist;
    expect(parseJson(TEXT).syntax).to.equal(undefined);
  });

  it('never throws, even for nesting deeper than a hand-written parser’s stack', () => {
    expect(() => parseJson('['.repeat(100_000))).not.to.throw();
  });

  it('counts lines', () => {
    expect(lineOf('a\nb\nc', 0)).to.equal(0);
    expect(lineOf('a\nb\nc', 4)).to.equal(2);
  });
});
