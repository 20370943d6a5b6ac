import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  clearBundleCache,
  ContentError,
  defaultBundleUrl,
  loadBundle,
  peekBundle,
} from '../../src/content/load.js';
import { salvageBundle, verdictLines } from '../../src/content/salvage.js';
import { json, minimalBundle } from '../fixtures.js';

async function rejection(promise: Promise<unknown>): Promise<ContentError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected the load to fail');
}

describe('loadBundle', () => {
  let fetchStub: sinon.SinonStub;

  beforeEach(() => {
    clearBundleCache();
    fetchStub = sinon.stub(window, 'fetch');
  });

  afterEach(() => {
    sinon.restore();
    document.querySelectorAll('script[data-test]').forEach((s) => s.remove());
  });

  it('makes one fetch for ten concurrent loads of one URL', async () => {
    fetchStub.callsFake(async () => json(minimalBundle()));
    const results = await Promise.all(Array.from({ length: 10 }, () => loadBundle('/bundles/a.json')));
    expect(fetchStub.callCount).to.equal(1);
    expect(new Set(results).size).to.equal(1);
    expect(results[0]!.bundle.id).to.equal('test-bundle');
  });

  it('keys the cache by absolute URL', async () => {
    fetchStub.callsFake(async () => json(minimalBundle()));
    await loadBundle('/bundles/a.json');
    await loadBundle(new URL('/bundles/a.json', location.href).href);
    await loadBundle('/bundles/b.json');
    expect(fetchStub.callCount).to.equal(2);
    expect(fetchStub.firstCall.args[0]).to.equal(new URL('/bundles/a.json', location.href).href);
  });

  it('sends no credentials cross-origin', async () => {
    fetchStub.callsFake(async () => json(minimalBundle()));
    await loadBundle('https://cdn.example/b.json');
    expect(fetchStub.firstCall.args[1].credentials).to.equal('same-origin');
  });

  it('gives a network error for 404 and 500, naming the status and URL', async () => {
    fetchStub.onFirstCall().resolves(new Response('nope', { status: 404, statusText: 'Not Found' }));
    fetchStub.onSecondCall().resolves(new Response('oops', { status: 500 }));
    const e404 = await rejection(loadBundle('/missing.json'));
    expect(e404.code).to.equal('network');
    expect(e404.message).to.contain('HTTP 404').and.contain('/missing.json');
    const e500 = await rejection(loadBundle('/broken.json'));
    expect(e500.code).to.equal('network');
    expect(e500.message).to.contain('HTTP 500');
  });

  it('gives a network error when fetch itself fails (offline, CORS)', async () => {
    fetchStub.rejects(new TypeError('Failed to fetch'));
    const error = await rejection(loadBundle('https://elsewhere.example/b.json'));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('CORS');
  });

  it('gives a parse error for bad JSON', async () => {
    fetchStub.resolves(json('{"schemaVersion": 1,'));
    const error = await rejection(loadBundle('/bad.json'));
    expect(error.code).to.equal('parse');
    expect(error.message).to.contain('/bad.json').and.contain('not valid JSON');
  });

  it('gives a schema error carrying the problems that make the bundle unusable, with their paths', async () => {
    const bundle = minimalBundle();
    bundle.reviewedOn = '2021-02-30';
    bundle.therapies[0].sources = [{ title: 'x', url: 'javascript:alert(1)' }];
    fetchStub.resolves(json(bundle));
    const error = await rejection(loadBundle('/schema.json'));
    expect(error.code).to.equal('schema');
    // The problems that make it unusable as a whole; an item's own problem would only hide that item.
    expect(error.problems!.map(({ path, message }) => ({ path, message }))).to.deep.equal([
      { path: 'reviewedOn', message: '2021-02-30 is not a calendar date' },
    ]);
    expect(error.message).to.contain('reviewedOn: 2021-02-30 is not a calendar date');
  });

  it('hides a broken item, keeps the rest, and warns once per bundle with the paths', async () => {
    const warn = sinon.stub(console, 'warn');
    const bundle = minimalBundle();
    bundle.therapies.push({ id: 'beta', name: 'Betamab' });
    bundle.therapies[0].sources = [{ title: 'x', url: 'javascript:alert(1)' }];
    fetchStub.callsFake(async () => json(bundle));
    const [a, b] = await Promise.all([loadBundle('/partly.json'), loadBundle('/partly.json')]);
    expect(a).to.equal(b);
    expect(a.bundle.therapies.map((t) => t.id)).to.deep.equal(['beta']);
    expect(a.hidden.map(({ kind, index, id }) => ({ kind, index, id }))).to.deep.equal([{ kind: 'therapies', index: 0, id: 'alpha' }]);
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args.join(' '))
      .to.contain('/partly.json')
      .and.contain('hide 1')
      .and.contain('therapies[0].sources[0].url: must be an https:, http: or relative URL');
    // The same words as the CLI's and the preview's verdict (the page's script carries none of the warnings' words).
    expect(warn.firstCall.args.join(' ')).to.contain(`: ${verdictLines(salvageBundle(bundle)).join('\n')}`);
  });

  it('ignores unknown fields quietly on the page (validate and the preview name them), and a hidden item\'s warning does not list them', async () => {
    const warn = sinon.stub(console, 'warn');
    const bundle = minimalBundle();
    bundle.therapies[0].whoItsFor = 'Adults';
    fetchStub.resolves(json(bundle));
    const loaded = await loadBundle('/misspelt.json');
    expect(loaded.hidden).to.deep.equal([]);
    expect(loaded.bundle.therapies[0]!.id).to.equal('alpha');
    expect(warn.callCount, 'nothing hidden, so nothing to warn of').to.equal(0);
    bundle.therapies.push({ ...bundle.therapies[0], id: 'Not An Id' });
    fetchStub.resolves(json(bundle));
    await loadBundle('/misspelt-and-broken.json');
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args.join(' ')).to.contain('hide 1').and.not.contain('whoItsFor');
  });

  it('reads fetched JSON as own data: a polluted Object.prototype and __proto__ keys reach no item', async () => {
    const text = JSON.stringify(minimalBundle()).replace('"therapies":[{', '"therapies":[{"__proto__":{"polluted":true},');
    fetchStub.resolves(json(text));
    (Object.prototype as Record<string, unknown>).howItIsGiven = ['From a polluted prototype'];
    try {
      const [therapy] = (await loadBundle('/polluted.json')).bundle.therapies;
      expect(Object.getPrototypeOf(therapy)).to.equal(null);
      expect(therapy!.howItIsGiven).to.equal(undefined);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    } finally {
      delete (Object.prototype as Record<string, unknown>).howItIsGiven;
    }
  });

  it('gives the main thread back while it checks a 2 MB bundle of tiny invalid items, with the same verdict', async () => {
    const bundle = minimalBundle();
    bundle.therapies = bundle.therapies.concat(Array.from({ length: 150_000 }, () => ({ id: 0 })));
    fetchStub.resolves(json(bundle));
    sinon.stub(console, 'warn');
    const timers = sinon.spy(window, 'setTimeout');
    const loaded = await loadBundle('/hostile.json');
    expect(loaded.bundle.therapies.map((t) => t.id)).to.deep.equal(['alpha']);
    expect(loaded.hidden.length).to.equal(150_000);
    expect(timers.getCalls().filter((call) => call.args[1] === 0).length).to.be.greaterThan(4);
  });

  it('a valid bundle hides nothing and warns nothing', async () => {
    const warn = sinon.stub(console, 'warn');
    fetchStub.resolves(json(minimalBundle()));
    expect((await loadBundle('/fine.json')).hidden).to.deep.equal([]);
    expect(warn.called).to.equal(false);
  });

  it('forgets a failure, so a later load tries again and can succeed', async () => {
    fetchStub.onFirstCall().resolves(new Response('', { status: 503 }));
    fetchStub.onSecondCall().resolves(json(minimalBundle()));
    await rejection(loadBundle('/flaky.json'));
    const loaded = await loadBundle('/flaky.json');
    expect(loaded.bundle.id).to.equal('test-bundle');
    expect(fetchStub.callCount).to.equal(2);
  });

  it('resolves relative links against the bundle URL', async () => {
    fetchStub.resolves(json(minimalBundle()));
    const loaded = await loadBundle('/content/v1/bundle.json');
    expect(new URL('img/a.png', loaded.baseUrl).pathname).to.equal('/content/v1/img/a.png');
  });

  it('loads the default bundle next to the module when no source is given', async () => {
    fetchStub.callsFake(async () => json(minimalBundle()));
    await loadBundle(undefined);
    await loadBundle('');
    expect(fetchStub.callCount).to.equal(1);
    expect(fetchStub.firstCall.args[0]).to.equal(defaultBundleUrl());
    expect(defaultBundleUrl()).to.match(/\/src\/content\/all-immune-therapies\.json$/);
  });

  it('validates a bundle object without fetching and caches the result', async () => {
    const bundle = minimalBundle();
    const a = await loadBundle(bundle);
    const b = await loadBundle(bundle);
    expect(a).to.equal(b);
    expect(fetchStub.called).to.equal(false);
    const error = await rejection(loadBundle({ ...bundle, id: '' }));
    expect(error.code).to.equal('schema');
  });

  it('makes one request for /b.json, /b.json#top and /b.json#', async () => {
    fetchStub.callsFake(async () => json(minimalBundle()));
    const results = await Promise.all(['/b.json', '/b.json#top', '/b.json#'].map((src) => loadBundle(src)));
    expect(fetchStub.callCount).to.equal(1);
    expect(fetchStub.firstCall.args[0]).to.equal(new URL('/b.json', location.href).href);
    expect(new Set(results).size).to.equal(1);
  });

  it('holds the time limit when a replaced fetch never settles', async () => {
    fetchStub.returns(new Promise(() => undefined));
    const error = await rejection(loadBundle('/never.json', { timeoutMs: 200 }));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('within 0.2 s');
  });

  it('holds the time limit when a body never ends and ignores the abort signal', async () => {
    fetchStub.callsFake(async () => ({ ok: true, status: 200, url: '', headers: new Headers(), body: { getReader: () => ({ read: () => new Promise(() => undefined), cancel: async () => undefined }) }}));
    const error = await rejection(loadBundle('/slow.json', { timeoutMs: 200 }));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('within 0.2 s');
  });

  it('holds the size cap when the response has no body stream', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    fetchStub.callsFake(async () => ({
      ok: true, status: 200, url: '', headers: new Headers(), body: null,
      text: async () => big,
      arrayBuffer: async () => new TextEncoder().encode(big).buffer,
    }));
    const error = await rejection(loadBundle('/nobody.json'));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('larger than 2048 KB');
  });

  it('holds the size cap on a declared Content-Length', async () => {
    fetchStub.resolves(json('{}', { headers: { 'content-length': String(3 * 1024 * 1024) } }));
    const error = await rejection(loadBundle('/declared.json'));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('larger than 2048 KB');
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(minimalBundle()));
    fetchStub.resolves(new Response(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])));
    expect((await loadBundle('/bom.json')).bundle.id).to.equal('test-bundle');
  });

  it('gives a parse error for bytes that are not UTF-8', async () => {
    // A Latin-1 "é" (0xE9) inside an otherwise valid bundle.
    const bytes = new TextEncoder().encode(JSON.stringify({ ...minimalBundle(), title: 'Caf^' }));
    fetchStub.resolves(new Response(bytes.map((b) => (b === 0x5e ? 0xe9 : b))));
    const error = await rejection(loadBundle('/latin1.json'));
    expect(error.code).to.equal('parse');
    expect(error.message).to.contain('/latin1.json').and.contain('UTF-8');
  });

  describe('integrity', () => {
    const body = JSON.stringify(minimalBundle());
    const sha384 = async (data: BufferSource) => `sha384-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', data))))}`;

    it('loads a bundle whose bytes match the pin', async () => {
      fetchStub.callsFake(async () => json(body));
      const loaded = await loadBundle('/pinned.json', { integrity: await sha384(new TextEncoder().encode(body)) });
      expect(loaded.bundle.id).to.equal('test-bundle');
    });

    it('refuses bytes that do not match, before parsing, giving the expected and the actual sha384', async () => {
      fetchStub.callsFake(async () => json('not even JSON'));
      const pin = await sha384(new TextEncoder().encode(body));
      const error = await rejection(loadBundle('/changed.json', { integrity: pin }));
      expect(error.code).to.equal('integrity');
      expect(error.message).to.contain(pin).and.contain(await sha384(new TextEncoder().encode('not even JSON')));
      expect(peekBundle('/changed.json', pin)).to.equal(undefined);
    });

    it('refuses a pin with an unknown algorithm', async () => {
      fetchStub.callsFake(async () => json(body));
      const error = await rejection(loadBundle('/md5.json', { integrity: 'md5-1B2M2Y8AsgTpgAmY7PhCfg==' }));
      expect(error.code).to.equal('integrity');
      expect(error.message).to.contain('sha384-');
    });

    it('hashes the bytes as served, byte-order mark included', async () => {
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
      fetchStub.callsFake(async () => new Response(bytes));
      const error = await rejection(loadBundle('/bom-pin.json', { integrity: await sha384(new TextEncoder().encode(body)) }));
      expect(error.code).to.equal('integrity');
      clearBundleCache();
      expect((await loadBundle('/bom-pin.json', { integrity: await sha384(bytes) })).bundle.id).to.equal('test-bundle');
    });

    it('two pins of one URL make one request, each with its own verdict', async () => {
      fetchStub.callsFake(async () => json(body));
      const right = await sha384(new TextEncoder().encode(body));
      const wrong = await sha384(new TextEncoder().encode('older version'));
      const [a, b, c] = await Promise.allSettled([
        loadBundle('/two.json', { integrity: right }),
        loadBundle('/two.json#x', { integrity: wrong }),
        loadBundle('/two.json'),
      ]);
      expect(fetchStub.callCount).to.equal(1);
      expect(a.status).to.equal('fulfilled');
      expect(b.status === 'rejected' && (b.reason as ContentError).code).to.equal('integrity');
      expect(c.status).to.equal('fulfilled');
      expect(peekBundle('/two.json', right)).to.equal((a as PromiseFulfilledResult<unknown>).value);
    });

    it('a pin on a bundle object is a config error', async () => {
      const error = await rejection(loadBundle(minimalBundle(), { integrity: 'sha384-AAAA' }));
      expect(error.code).to.equal('config');
    });
  });

  describe('inline #id', () => {
    function inline(id: string, text: string) {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.id = id;
      script.dataset.test = '';
      script.textContent = text;
      document.body.append(script);
      return script;
    }

    it('reads a <script type="application/json"> by id', async () => {
      inline('inline-ok', JSON.stringify(minimalBundle()));
      const loaded = await loadBundle('#inline-ok');
      expect(loaded.bundle.id).to.equal('test-bundle');
      expect(fetchStub.called).to.equal(false);
    });

    it('sees an edited inline bundle', async () => {
      const script = inline('inline-edit', JSON.stringify(minimalBundle()));
      await loadBundle('#inline-edit');
      script.textContent = JSON.stringify({ ...minimalBundle(), id: 'edited' });
      expect((await loadBundle('#inline-edit')).bundle.id).to.equal('edited');
    });

    it('gives a config error for a missing #id', async () => {
      const error = await rejection(loadBundle('#nowhere'));
      expect(error.code).to.equal('config');
      expect(error.message).to.contain('id="nowhere"');
    });

    it('checks a pin against the UTF-8 bytes of the script text', async () => {
      const text = JSON.stringify({ ...minimalBundle(), title: 'Café ☕' });
      inline('inline-pinned', text);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      const pin = `sha256-${btoa(String.fromCharCode(...digest))}`;
      expect((await loadBundle('#inline-pinned', { integrity: pin })).bundle.title).to.equal('Café ☕');
      const error = await rejection(loadBundle('#inline-pinned', { integrity: `sha256-${btoa('x'.repeat(32))}` }));
      expect(error.code).to.equal('integrity');
    });

    it('gives a parse error for bad inline JSON', async () => {
      inline('inline-bad', '{ nope');
      const error = await rejection(loadBundle('#inline-bad'));
      expect(error.code).to.equal('parse');
      expect(error.message).to.contain('<script id="inline-bad">');
    });
  });
});

describe('loadBundle against a real server', () => {
  beforeEach(() => clearBundleCache());

  it('gives a network error for a real 404', async () => {
    const error = await rejection(loadBundle('/__test__/status?code=404'));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('HTTP 404');
  });

  it('gives a network error when the body never ends (timeout)', async () => {
    const error = await rejection(loadBundle('/__test__/hang', { timeoutMs: 300 }));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('within 0.3 s');
  });

  it('gives a network error for an oversize body and stops reading', async () => {
    const error = await rejection(loadBundle('/__test__/big?mb=6'));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('larger than 2048 KB');
  });

  it('follows a redirect on the same origin, and resolves links against the final URL', async () => {
    const loaded = await loadBundle('/__test__/redirect?to=/__test__/bundle?case=no-cors');
    expect(loaded.bundle.id).to.equal('all-immune-therapies');
    expect(new URL(loaded.baseUrl).pathname).to.equal('/__test__/bundle');
  });

  it('refuses a redirect to another origin, naming both', async () => {
    const other = `http://${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;
    const error = await rejection(loadBundle(`/__test__/redirect?to=${encodeURIComponent(`${other}/__test__/cors-bundle`)}`));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain(location.origin).and.contain(other).and.contain('redirect');
  });

  it('accepts a body under a custom size limit and rejects one over it', async () => {
    const error = await rejection(loadBundle('/__test__/big?mb=1', { maxBytes: 512 * 1024 }));
    expect(error.code).to.equal('network');
  });
});
