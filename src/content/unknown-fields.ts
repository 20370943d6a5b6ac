/**
 * The unknown-field warnings of one value against one schema: each field the
 * schema does not know, which the elements ignore, with the closest known
 * field. The walk (inspect.ts) asks it for the bundle's own fields and for
 * each item as it checks them, so a bundle is read once.
 */
import type * as v from 'valibot';
import { closest } from './closest.js';
import { MAX_PROBLEMS } from './schema.js';
import { isRecord, warningAt, type PathKey, type Warning } from './problem.js';

type AnySchema = v.GenericSchema & { wrapped?: AnySchema; item?: AnySchema; entries?: v.ObjectEntries; pipe?: readonly AnySchema[] };

/** The schema under optional, and the object of record()'s pipe (undefined for text and ids): an object or array schema has the fields. */
function shapeOf(schema: AnySchema): AnySchema | undefined {
  if (schema.type === 'optional') return shapeOf(schema.wrapped!);
  return schema.pipe ? schema.pipe.find((step) => step.type === 'object') : schema;
}

/** The path of the value at `key` in `parent` (or of `parent` itself): made only for a warning or a look inside. */
function placeOf(parent: readonly PathKey[], key?: PathKey): readonly PathKey[] {
  return key === undefined ? parent : [...parent, key];
}

/**
 * Adds to `warnings`, until it holds `MAX_PROBLEMS`, a warning for each field
 * of `value` (at `key` in `parent`, or at `parent`) that `schema` does not
 * know, with the closest known field of the same object: the object's own
 * first, then those inside each of its fields (lists of objects included), in
 * the order it writes them. With `shallow` only its own: the walk visits the
 * bundle's lists item by item. `item` is the id of the item `value` is or
 * sits in, for its warnings and those of the objects inside it.
 */
export function addUnknownFields(
  warnings: Warning[],
  schema: v.GenericSchema,
  value: unknown,
  parent: readonly PathKey[],
  key?: PathKey,
  item?: string,
  shallow?: boolean,
): void {
  if (warnings.length >= MAX_PROBLEMS) return;
  const shape = shapeOf(schema as AnySchema);
  if (shape?.type === 'array') {
    const inner = Array.isArray(value) && shapeOf(shape.item!);
    if (!inner) return;
    const keys = placeOf(parent, key);
    for (let i = 0; i < value.length; i++) addUnknownFields(warnings, inner, value[i], keys, i, item);
    return;
  }
  // Null-prototype (schema.ts), so `in` finds only the schema's fields.
  const entries = shape?.entries;
  if (!entries || !isRecord(value)) return;
  const fields = Object.keys(value);
  for (const name of fields) {
    if (name in entries) continue;
    if (warnings.length >= MAX_PROBLEMS) return;
    const near = closest(name, Object.keys(entries));
    warnings.push(warningAt(placeOf(parent, key), 'unknown-field', { value: name, ...(near && { expected: near }), ...(item !== undefined && { item }) }));
  }
  // Only fields that hold objects or lists can hold unknown fields.
  if (!shallow) for (const name of fields) if (typeof value[name] === 'object' && name in entries) addUnknownFields(warnings, entries[name]!, value[name], placeOf(parent, key), name, item);
}
