/**
 * Lines to the terminal: bundle text is printed escaped, so a bundle cannot
 * write control characters to it, and a closed reader (`| head`) ends the
 * output quietly.
 */

/** C0 and C1 controls, DEL, and the bidi controls that reorder what follows. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character shown as `\u001b`, so it cannot steer the terminal. */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A writer of escaped lines that goes quiet once the reader has gone (`| head`). */
export function writer(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (line) => {
    if (!closed) stream.write(`${escapeText(line)}\n`);
  };
}
