// A bundle response that starts and never ends: the card shows its fallback,
// the rest of the page renders meanwhile, and after the loader's 15 s timeout
// the card gives a network error.
import { expect, waitUntil } from '@open-wc/testing';
import { closePages, openPage } from './frame.js';

describe('hostile host: a bundle that never finishes', () => {
  after(closePages);

  it('times out into a network error while the other cards render', async function () {
    this.timeout(30000);
    const { doc, win } = await openPage('/test/pages/hostile-hang.html');
    const hang = doc.getElementById('hang')!;
    const good = doc.getElementById('good')!;
    await waitUntil(() => good.getAttribute('state') === 'ready', 'the good card did not render', { timeout: 5000 });
    expect(hang.getAttribute('state')).to.equal('loading');
    expect(hang.shadowRoot!.querySelector('slot')).to.not.equal(null);
    await waitUntil(() => hang.getAttribute('state') === 'error', 'the hanging card did not time out', { timeout: 20000, interval: 250 });
    const event = win.__report.events.find((e) => e.id === 'hang' && e.type === 'therapy-error')!;
    expect(event.detail.code).to.equal('network');
    expect(event.detail.message).to.contain('within 15 s');
    expect(win.__report.errors).to.deep.equal([]);
  });
});
