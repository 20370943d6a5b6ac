/**
 * Minifies the CSS of a `css` template for the script builds: comments go,
 * white space shrinks to what CSS needs. Quoted strings stay exactly as
 * written. Spaces around `+`, `-` and `*` stay (calc() needs them), and so
 * does any space before a colon (`.a :hover` is not `.a:hover`).
 */

/** A comment or a quoted string: whichever starts first wins, so an apostrophe in a comment opens no string. */
const COMMENT_OR_STRING = /\/\*[^]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g;
const STRING = /('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/;

export function minifyCss(css: string): string {
  const uncommented = css.replace(COMMENT_OR_STRING, (match) => (match.startsWith('/*') ? ' ' : match));
  return uncommented
    .split(STRING)
    .map((part, index) => (index % 2 ? part : collapse(part)))
    .join('')
    .trim();
}

function collapse(code: string): string {
  return code
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/ !important/g, '!important')
    .replace(/;}/g, '}');
}
