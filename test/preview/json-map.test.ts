import { expect } from '@open-wc/testing';
import { lineOf, locate, mapJson } from '../../demo/preview/json-map.js';

const TEXT = `{
  "id": "b",
  "therapies": [
    { "id": "a", "sources": [ { "url": "javascript:x" } ] },
    { "id": "b\\u0022q", "n": -1.5e3, "t": true, "f": false, "z": null, "e": {}, "l": [] }
  ],
  "a.b": "dotted"
}`;

function at(text: string, span: { start: number; end: number } | undefined): string {
  return span ? text.slice(span.start, span.end) : '(none)';
}

describe('mapJson / locate', () => {
  it('maps each path to its property, key included', () => {
    const map = mapJson(TEXT);
    expect(map.errorAt).to.equal(undefined);
    expect(at(TEXT, locate(map, 'therapies[0].sources[0].url'))).to.equal('"url": "javascript:x"');
    expect(at(TEXT, locate(map, 'therapies[1].n'))).to.equal('"n": -1.5e3');
    expect(at(TEXT, locate(map, 'therapies[1].id'))).to.equal('"id": "b\\u0022q"');
    expect(at(TEXT, locate(map, 'therapies[1].e'))).to.equal('"e": {}');
    expect(at(TEXT, locate(map, 'therapies[0]'))).to.match(/^\{ "id": "a".*\] \}$/);
    expect(at(TEXT, locate(map, '(root)'))).to.equal(TEXT);
  });

  it('points a missing field at the opening of the object that lacks it', () => {
    const map = mapJson(TEXT);
    const location = locate(map, 'therapies[0].name')!;
    expect(location.exact).to.equal(false);
    expect(at(TEXT, location)).to.equal('{');
    expect(location.start).to.equal(TEXT.indexOf('{ "id": "a"'));
    expect(at(TEXT, locate(map, 'publisher.name'))).to.equal('{');
  });

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    const text = '{"a": 1, "a": [2]}';
    expect(at(text, locate(mapJson(text), 'a'))).to.equal('"a": [2]');
  });

  it('reports where the text stops being JSON, wherever JSON.parse rejects it', () => {
    const cases: [string, number][] = [
      ['{"a": 1,}', 8],
      ['{"a": tru}', 6],
      ['[1 2]', 3],
      ['{"a": "x\ny"}', 8],
      ['{"a": 01}', 7],
      ['{"a": 1} x', 9],
      ['', 0],
      ['{"a": "\\x"}', 7],
    ];
    for (const [text, offset] of cases) {
      expect(() => JSON.parse(text), text).to.throw();
      expect(mapJson(text).errorAt, text).to.equal(offset);
    }
  });

  it('never throws, even for nesting deeper than the stack', () => {
    const deep = '['.repeat(200_000);
    expect(mapJson(deep).errorAt).to.be.a('number');
  });

  it('counts lines', () => {
    expect(lineOf('a\nb\nc', 0)).to.equal(0);
    expect(lineOf('a\nb\nc', 2)).to.equal(1);
    expect(lineOf('a\nb\nc', 4)).to.equal(2);
  });
});
