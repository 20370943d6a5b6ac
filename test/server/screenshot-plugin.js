// `page-screenshot`: a PNG (base64) of the test page's viewport as the browser
// paints it, iframes included, for comparing two moments of one page pixel by pixel.
export function screenshotPlugin() {
  return {
    name: 'page-screenshot',
    async executeCommand({ command, session }) {
      if (command !== 'page-screenshot') return undefined;
      const page = session.browser.getPage(session.id);
      return page.screenshot({ encoding: 'base64' });
    },
  };
}
