/** The typed failure of loading or using content, shared by the loader, the selection functions and the elements. */
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
