/**
 * The one error type of the content side: what `therapy-error` reports as
 * `code` and `message`, with the validator's problems when there are some.
 */
import type { Problem } from './schema.js';

/** Error codes of `therapy-error`, as fixed by the SPEC. */
export type ContentErrorCode = 'network' | 'parse' | 'schema' | 'not-found' | 'config' | 'integrity';

/** A typed failure to load or use content; `problems` holds the validator's findings. */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(
    readonly code: ContentErrorCode,
    message: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message);
  }
}

/** The message of anything thrown, which need not be an Error. */
export function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an error that cannot be shown'; // String() throws for values such as { toString: 0 }
  }
}
