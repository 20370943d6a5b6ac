import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  clearBundleCache,
  ContentError,
  defaultBundleUrl,
  loadBundle,
} from '../../src/content/load.js';
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

  it('gives a schema error carrying every problem with its path', async () => {
    const bundle = minimalBundle();
    bundle.reviewedOn = '2021-02-30';
    bundle.therapies[0].sources = [{ title: 'x', url: 'javascript:alert(1)' }];
    fetchStub.resolves(json(bundle));
    const error = await rejection(loadBundle('/schema.json'));
    expect(error.code).to.equal('schema');
    expect(error.problems).to.deep.equal([
      { path: 'reviewedOn', message: '2021-02-30 is not a calendar date' },
      { path: 'therapies[0].sources[0].url', message: 'must be an https:, http: or relative URL' },
    ]);
    expect(error.message).to.contain('therapies[0].sources[0].url: must be an https:, http: or relative URL');
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

  it('accepts a body under a custom size limit and rejects one over it', async () => {
    const error = await rejection(loadBundle('/__test__/big?mb=1', { maxBytes: 512 * 1024 }));
    expect(error.code).to.equal('network');
  });
});
