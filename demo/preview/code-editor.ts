/**
 * The code editor of the bundle text: CodeMirror 6 with its JSON language,
 * line numbers, wrapped lines, undo history, search (Ctrl+F) and our
 * validator's problems marked in place (underline and gutter). Tab is left to
 * the page (no indentWithTab), so keyboard users move on as from any field.
 */
import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, EditorSelection, EditorState, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import type { TextProblem } from './editor-diagnostics.js';

/** Marks transactions that replace the text from outside (a load): they are not the editor's own input. */
const replaced = Annotation.define<boolean>();

/** JSON colours from the page's own light and dark palettes (every one meets 4.5:1), instead of CodeMirror's light-only default. */
const jsonColours = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--code-key)' },
  { tag: tags.string, color: 'var(--code-string)' },
  { tag: tags.number, color: 'var(--code-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--code-literal)' },
]);

export interface CodeEditorOptions {
  parent: HTMLElement;
  /** The shadow root (or document) the editor lives in: CodeMirror puts its styles there. */
  root: ShadowRoot | Document;
  text: string;
  /** Id of the element that names the editor, and of the one that describes it. */
  labelledBy: string;
  describedBy: string;
  /** Called with the whole text after each change the user makes (typing, paste, undo). */
  onInput: (text: string) => void;
}

export class CodeEditor {
  readonly view: EditorView;

  constructor(options: CodeEditorOptions) {
    this.view = new EditorView({
      parent: options.parent,
      root: options.root,
      state: EditorState.create({
        doc: options.text,
        extensions: [
          basicSetup,
          json(),
          syntaxHighlighting(jsonColours),
          lintGutter(),
          EditorView.lineWrapping,
          // An explicit tab stop: the scrolling box then holds focusable content for every checker (axe's scrollable-region-focusable).
          EditorView.contentAttributes.of({ tabindex: '0', 'aria-labelledby': options.labelledBy, 'aria-describedby': options.describedBy }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(replaced))) options.onInput(update.state.doc.toString());
          }),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /**
   * Replaces the whole text as one step of the undo history (Ctrl+Z brings the
   * earlier text back), except when the editor was empty.
   */
  replace(text: string): void {
    if (text === this.text) return;
    const empty = this.view.state.doc.length === 0;
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      annotations: [replaced.of(true), Transaction.addToHistory.of(!empty), Transaction.userEvent.of('input.replace')],
    });
  }

  /** Marks the problems of the current text. */
  mark(problems: readonly TextProblem[]): void {
    this.view.dispatch(setDiagnostics(this.view.state, problems));
  }

  /** Selects a span (caret at its start), scrolls it into the middle and focuses the editor. */
  select(start: number, end: number): void {
    const length = this.view.state.doc.length;
    const anchor = Math.min(end, length);
    const head = Math.min(start, length);
    this.view.dispatch({
      selection: EditorSelection.single(anchor, head),
      effects: EditorView.scrollIntoView(head, { y: 'center' }),
    });
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
