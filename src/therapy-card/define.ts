/** Defines <therapy-card>. */
import { attachContextRoot, defineElement } from '../internal/define.js';
import { TherapyCard } from './therapy-card.js';

attachContextRoot();
defineElement('therapy-card', TherapyCard);

export { TherapyCard };

declare global {
  interface HTMLElementTagNameMap {
    'therapy-card': TherapyCard;
  }
}
