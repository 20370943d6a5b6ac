/**
 * One content element rendered in Node by Lit's server renderer, from the
 * elements' own templates: its tag, with the attributes an embedder sets
 * (named by the registry), holding a declarative shadow root. Node only.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import '../define.js';
import { attributesOf, type ElementEntry } from './registry.js';

/**
 * The server rendering of `entry`'s element with these attributes (in the
 * registry's order, the one that picks the item first) and, when given, a
 * `bundle` object. Lit's output as it is: hydration comments and `<style>`.
 */
export async function renderElement(entry: ElementEntry, attributes: Readonly<Record<string, string>>, bundle?: object): Promise<string> {
  const known = attributesOf(entry).map(({ attribute }) => attribute);
  const unknown = Object.keys(attributes).filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`<${entry.tag}> has no attribute ${unknown.join(', ')}.`);
  const names = known.filter((name) => attributes[name] !== undefined).sort((a, b) => Number(b === entry.idAttribute) - Number(a === entry.idAttribute));
  // A template made of trusted names only (the tag and attribute names from the registry); every value is a binding.
  const parts = [`<${entry.tag}`];
  for (const name of names) {
    parts[parts.length - 1] += ` ${name}="`;
    parts.push('"');
  }
  parts[parts.length - 1] += ' .bundle=';
  parts.push(`></${entry.tag}>`);
  const template = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  return collectResult(render(html(template, ...names.map((name) => attributes[name]), bundle)));
}
