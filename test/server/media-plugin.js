// `emulate-media-features`: CDP Emulation.setEmulatedMedia through puppeteer, with
// every feature at once (forced-colors included). The test runner's own
// emulateMedia cannot emulate forced-colors under puppeteer. The CDP session
// stays attached: detaching it would drop its emulation.
// Payload: { media?: 'print' | 'screen' | '', features?: { name, value }[] }.
const sessions = new WeakMap();

export function mediaPlugin() {
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', { media: payload?.media ?? '', features: payload?.features ?? [] });
      return true;
    },
  };
}
