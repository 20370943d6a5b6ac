/**
 * The plain-text part of an e-mail, from the exported HTML: one paragraph per
 * block, list items as `- ` lines, links as `text (https://…)`.
 */

const BLOCKS = new Set(['tbody', 'tr', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'div', 'td', 'table', 'ul', 'ol', 'dl']);

function inline(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const element = node as Element;
  if (element.localName === 'br') return '\n';
  const text = [...element.childNodes].map(inline).join('');
  const href = element.localName === 'a' ? element.getAttribute('href') : null;
  return href && text.trim() !== href ? `${text} (${href})` : text;
}

function blocks(element: Element, out: string[]): void {
  const hasBlock = [...element.children].some((child) => BLOCKS.has(child.localName));
  if (!hasBlock) {
    const text = [...element.childNodes].map(inline).join('').replace(/[ \t]+/g, ' ').trim();
    if (text) out.push(element.localName === 'li' ? `- ${text}` : text);
    return;
  }
  for (const child of element.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE && BLOCKS.has((child as Element).localName)) blocks(child as Element, out);
    else {
      const text = inline(child).trim();
      if (text) out.push(text);
    }
  }
}

/** The text of exported e-mail HTML, blocks separated by a blank line (list items by a line break). */
export function plainText(root: Element): string {
  const out: string[] = [];
  blocks(root, out);
  return `${out.reduce((text, line, i) => (i === 0 ? line : `${text}${line.startsWith('- ') && out[i - 1]!.startsWith('- ') ? '\n' : '\n\n'}${line}`), '')}\n`;
}
