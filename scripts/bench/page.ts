/**
 * The page the layout-stability measurements share (bench.ts and
 * prerender.ts): a column of prose with three cards between its paragraphs,
 * so a card that grows late pushes text a reader is on.
 */

/** The column: the same width, font and spacing for every way of embedding. */
export const PAGE_CSS = 'body{margin:0 auto;max-width:48rem;padding:1rem;font-family:system-ui,sans-serif;line-height:1.5}main{display:grid;gap:1rem}';

const PROSE = [
  'Acute lymphoblastic leukemia (ALL) is the most common cancer in children, and it also affects adults. Treatment has improved a great deal, and newer treatments use the immune system.',
  'The cards on this page come from a content bundle that a care team keeps up to date. Each card explains one therapy in plain language.',
  'Ask your care team which treatments fit your situation. They know your history and can explain the choices.',
  'This page is a test page for layout stability: the text around the cards must not move while they load.',
];

/** `<body>` with a heading, each card after a paragraph, and a last paragraph below them (up to three cards). */
export function proseBody(cards: readonly string[]): string {
  const body = cards.map((card, i) => `<p>${PROSE[i]}</p>\n${card}`).join('\n');
  return `<body>
<main>
<h1>Immune therapies for ALL</h1>
${body}
<p>${PROSE[3]}</p>
</main>
</body>
</html>
`;
}
