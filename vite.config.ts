import { readFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { defineConfig, type Plugin } from 'vite';
import { bundleSchema, SCHEMA_VERSION } from './src/content/schema.js';

const DEFAULT_BUNDLE = 'src/content/all-immune-therapies.json';

/** Writes the published JSON Schema (from the one valibot schema) and the default bundle into dist/. */
function contentFiles(): Plugin {
  return {
    name: 'therapy-content-files',
    generateBundle() {
      const schema = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://unpkg.com/therapy-widgets/dist/therapy-bundle.schema.json',
        title: `therapy-widgets content bundle, schema version ${SCHEMA_VERSION}`,
        // Rules across the document (unique ids, references, real calendar
        // dates, language tags) are checked by the validator, not here.
        ...toJsonSchema(bundleSchema, { errorMode: 'ignore' }),
      };
      this.emitFile({ type: 'asset', fileName: 'therapy-bundle.schema.json', source: `${JSON.stringify(schema, null, 2)}\n` });
      this.emitFile({ type: 'asset', fileName: 'content/all-immune-therapies.json', source: readFileSync(DEFAULT_BUNDLE, 'utf8') });
    },
  };
}

export default defineConfig({
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2021',
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'therapy-widgets.js',
    },
  },
  plugins: [contentFiles()],
});
