// Browser tests in Debian's Chromium: no browser is downloaded anywhere.
import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupJson from '@rollup/plugin-json';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { countReporter } from './test/server/count-reporter.js';
import { doiuseEmailPlugin } from './test/server/doiuse-email.js';
import { mediaPlugin } from './test/server/media-plugin.js';
import { screenshotPlugin } from './test/server/screenshot-plugin.js';
import { testMiddleware } from './test/server/middleware.js';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  hostname: '127.0.0.1',
  nodeResolve: true,
  // One page at a time: faster here than two (a background page's frames are throttled) and never flaky.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // With two test pages at once one is in the background: keep its timers and
        // animation frames running, or fixtures waiting for a frame time out.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  middleware: testMiddleware,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  mimeTypes: { '**/node_modules/normalize-strings/*.json': 'js' },
  plugins: [
    // The reading grade's syllable counter (preview and CLI only) depends on two CommonJS packages, one reading JSON.
    fromRollup(rollupJson)({ include: ['**/node_modules/normalize-strings/*.json'] }),
    fromRollup(rollupCommonjs)({ include: ['**/node_modules/pluralize/**', '**/node_modules/normalize-strings/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    doiuseEmailPlugin(),
    mediaPlugin(),
    screenshotPlugin(),
    // Screenshot comparisons (test/design/): exact pixels. UPDATE_SCREENSHOTS=1 writes new baselines.
    visualRegressionPlugin({
      baseDir: 'test/design/screenshots',
      update: process.env.UPDATE_SCREENSHOTS === '1',
      diffOptions: { threshold: 0 },
      failureThresholdType: 'pixel',
      failureThreshold: 0,
      getBaselineName: ({ name }) => `baseline/${name}`,
      getDiffName: ({ name }) => `failed/${name}-diff`,
      getFailedName: ({ name }) => `failed/${name}`,
    }),
  ],
};
