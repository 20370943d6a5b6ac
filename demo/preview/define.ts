/** Defines the elements the preview page uses: the four of therapy-widgets and `<therapy-preview>`. */
import '../../src/define.js';
import { defineElement } from '../../src/internal/define.js';
import { TherapyPreview } from './therapy-preview.js';

defineElement('therapy-preview', TherapyPreview);
