// Fills each <code data-source="ID [ID...]"> with the source of the page's own
// elements (a <style>, or an inline JSON <script> with its tags), so a demo
// page shows the snippet it really uses instead of a second copy that drifts.
function dedent(text) {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^\s*/)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function sourceOf(element) {
  const body = dedent(element.textContent ?? '');
  return element.localName === 'script' ? `<script type="${element.type}" id="${element.id}">\n${body}\n</script>` : body;
}

for (const code of document.querySelectorAll('code[data-source]')) {
  const elements = code.dataset.source.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean);
  code.textContent = elements.map(sourceOf).join('\n\n');
}
