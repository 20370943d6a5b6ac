/** Defines the elements the preview page uses: the four of therapy-widgets and the preview's own. */
import '../../src/define.js';
import { defineElement } from '../../src/internal/define.js';
import { BundleEditor } from './bundle-editor.js';
import { PreviewItem } from './item-view.js';
import { TherapyPreview } from './therapy-preview.js';

defineElement('bundle-editor', BundleEditor);
defineElement('preview-item', PreviewItem);
defineElement('therapy-preview', TherapyPreview);
