import type { ContentErrorCode } from '../content/load.js';
import type { Problem } from '../content/schema.js';

export interface TherapyLoadDetail {
  /** `id` of the bundle the content came from. */
  bundleId: string;
  /** `id` of the item rendered. */
  itemId: string;
}

export interface TherapyErrorDetail {
  code: ContentErrorCode;
  message: string;
  /** The validator's problems, for `schema` errors. */
  errors?: readonly Problem[];
}

export type TherapyLoadEvent = CustomEvent<TherapyLoadDetail>;
export type TherapyErrorEvent = CustomEvent<TherapyErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'therapy-load': TherapyLoadEvent;
    'therapy-error': TherapyErrorEvent;
  }
}

export function loadEvent(detail: TherapyLoadDetail): TherapyLoadEvent {
  return new CustomEvent('therapy-load', { detail, bubbles: true, composed: true });
}

export function errorEvent(detail: TherapyErrorDetail): TherapyErrorEvent {
  return new CustomEvent('therapy-error', { detail, bubbles: true, composed: true });
}
