/**
 * The warnings of a bundle: each field the schema does not know, which the
 * elements ignore, with the closest known field.
 */
import type * as v from 'valibot';
import { closest } from './closest.js';
import { bundleSchema, MAX_PROBLEMS } from './schema.js';
import { isRecord, problemAt, type PathKey, type Warning } from './problem.js';
import type { OwnRecord } from './own-data.js';

type AnySchema = v.GenericSchema & { wrapped?: AnySchema; item?: AnySchema; entries?: v.ObjectEntries; pipe?: readonly AnySchema[] };

/** The object or array schema under optional and record()'s pipe, or undefined for a value without fields. */
function shapeOf(schema: AnySchema): AnySchema | undefined {
  if (schema.type === 'optional') return shapeOf(schema.wrapped!);
  if (schema.type === 'object' || schema.type === 'array') return schema;
  return schema.pipe?.find((step) => step.type === 'object');
}

/**
 * A warning for each field of `doc` the schema does not know (the elements
 * ignore it), with the closest known field of the same object: an object's
 * own before those of the objects inside it, up to `MAX_PROBLEMS`. A misspelt field must never silently drop content.
 */
export function unknownFields(doc: OwnRecord): Warning[] {
  const warnings: Warning[] = [];
  const stack: [AnySchema, unknown, PathKey[]][] = [[bundleSchema as AnySchema, doc, []]];
  while (stack.length > 0 && warnings.length < MAX_PROBLEMS) {
    const [schema, value, keys] = stack.pop()!;
    const shape = shapeOf(schema);
    const next: [AnySchema, unknown, PathKey[]][] = [];
    if (shape?.type === 'array' && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) next.push([shape.item!, value[i], [...keys, i]]);
    } else if (shape?.entries && isRecord(value)) {
      const known = Object.keys(shape.entries);
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(shape.entries, key)) next.push([shape.entries[key] as AnySchema, value[key], [...keys, key]]);
        else if (warnings.length < MAX_PROBLEMS) {
          const near = closest(key, known);
          const item = keys.length === 2 && typeof value.id === 'string' ? value.id : undefined;
          warnings.push(problemAt(keys, 'unknown-field', { value: key, ...(near && { expected: near }), ...(item !== undefined && { item }) }));
        }
      }
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return warnings;
}
