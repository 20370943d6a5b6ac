// Pages that require Trusted Types: the built module script needs one policy,
// `lit-html` (Lit's own). Allowed, every element renders with no violation;
// refused, the script throws nothing into the page, defines nothing, leaves
// the fallback content in place and says in one warning which policy it needs.
import { expect } from '@open-wc/testing';
import { closePages, openPage, settled } from './frame.js';

describe('hostile host: Trusted Types', () => {
  afterEach(closePages);

  it('renders every element when the page allows the lit-html policy', async () => {
    const response = await fetch('/test/pages/tt-lit.html');
    expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
    const { doc, win } = await openPage('/test/pages/tt-lit.html');
    const elements = await settled(doc);
    expect(elements.map((el) => el.getAttribute('state'))).to.deep.equal(['ready', 'ready', 'ready']);
    expect(win.__report.violations).to.deep.equal([]);
    expect(win.__report.errors).to.deep.equal([]);
  });

  it('throws nothing into the page when the policy list omits lit-html, and says what it needs', async () => {
    const { doc, win } = await openPage('/test/pages/tt-other.html');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(win.__report.errors).to.deep.equal([]);
    expect(win.customElements.get('therapy-card')).to.equal(undefined);
    expect(doc.querySelector('therapy-card')!.textContent).to.contain('fallback');
    const warnings = win.__report.warnings.filter((w) => w.includes('Trusted Types'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('trusted-types lit-html');
  });
});
