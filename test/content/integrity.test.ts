import { expect } from '@open-wc/testing';
import { ContentError } from '../../src/content/content-error.js';
import { checkIntegrity, integrityOf, parseIntegrity } from '../../src/content/integrity.js';

const bytes = new TextEncoder().encode('{"a": 1}\n');

/** The SRI value of `data`, computed here independently of the module under test. */
async function sri(algorithm: 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, data));
  return `${algorithm.replace('-', '').toLowerCase()}-${btoa(String.fromCharCode(...digest))}`;
}

async function failure(promise: Promise<unknown>): Promise<ContentError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected the check to fail');
}

describe('integrity', () => {
  it('parses SRI metadata: the strongest algorithm wins, options after ? are ignored', () => {
    expect(parseIntegrity('sha256-AAA sha512-BBB?opt sha384-CCC  sha512-DDD')).to.deep.equal({ algorithm: 'sha512', digests: ['BBB', 'DDD'] });
    expect(parseIntegrity(' sha384-CCC= md5-x ')).to.deep.equal({ algorithm: 'sha384', digests: ['CCC='] });
  });

  it('fails closed on a value that names no supported algorithm, saying which are', async () => {
    for (const value of ['md5-abc', 'sha1-abc', 'SHA384-abc', 'sha384', 'nonsense']) {
      const error = await failure(Promise.resolve().then(() => parseIntegrity(value)));
      expect(error.code, value).to.equal('integrity');
      expect(error.message).to.contain('sha256-, sha384-, sha512-');
    }
  });

  it('gives the sha384 value of bytes', async () => {
    expect(await integrityOf(bytes)).to.equal(await sri('SHA-384', bytes));
  });

  it('accepts the right hash in each algorithm, and any of several values', async () => {
    for (const algorithm of ['SHA-256', 'SHA-384', 'SHA-512'] as const) {
      await checkIntegrity(bytes, await sri(algorithm, bytes), 'here');
    }
    await checkIntegrity(bytes, `sha384-${btoa('nope'.repeat(12))} ${await sri('SHA-384', bytes)}`, 'here');
  });

  it('a weaker matching value does not save a stronger wrong one', async () => {
    const error = await failure(checkIntegrity(bytes, `${await sri('SHA-256', bytes)} sha512-${btoa('x'.repeat(64))}`, 'at /a.json'));
    expect(error.code).to.equal('integrity');
    expect(error.message).to.contain('at /a.json').and.contain(await sri('SHA-512', bytes)).and.contain(await sri('SHA-384', bytes));
  });

  it('is an integrity error, saying why, when the page has no Web Crypto (an http: page)', async () => {
    Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true });
    try {
      const error = await failure(checkIntegrity(bytes, await Promise.resolve('sha384-AAAA'), 'here'));
      expect(error.code).to.equal('integrity');
      expect(error.message).to.contain('crypto.subtle').and.contain('https:');
    } finally {
      delete (crypto as { subtle?: unknown }).subtle;
    }
    expect(crypto.subtle).to.not.equal(undefined);
  });
});
