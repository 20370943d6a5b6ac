/** Defines <therapy-content>. */
import { attachContextRoot, defineElement } from '../internal/define.js';
import { TherapyContent } from './therapy-content.js';

attachContextRoot();
defineElement('therapy-content', TherapyContent);

export { TherapyContent };

declare global {
  interface HTMLElementTagNameMap {
    'therapy-content': TherapyContent;
  }
}
