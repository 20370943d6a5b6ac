/**
 * The published JSON Schema (`dist/therapy-bundle.schema.json`), generated
 * from the one valibot schema. It says all that JSON Schema can say of a
 * bundle; duplicate ids, references to ids that do not exist, and review
 * dates in order are checked by the validator only.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { bundleSchema, calendarDate, knownVersion, SCHEMA_VERSION } from './schema.js';

/** The JSON Schema (draft-07) of a bundle; dates carry `format: "date"`, `schemaVersion` its range. */
export function bundleJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://unpkg.com/therapy-widgets/dist/therapy-bundle.schema.json',
    title: `therapy-widgets content bundle, schema version ${SCHEMA_VERSION}`,
    ...toJsonSchema(bundleSchema, {
      errorMode: 'ignore',
      overrideAction: ({ valibotAction, jsonSchema }) => {
        if (valibotAction === calendarDate) return { ...jsonSchema, format: 'date' };
        if (valibotAction === knownVersion) return { ...jsonSchema, type: 'integer', minimum: 1, maximum: SCHEMA_VERSION };
        return undefined;
      },
    }),
  };
}
