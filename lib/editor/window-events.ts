/**
 * Names of the window events between the section page's sidebar and its editor. In a module of
 * their own so that the sidebar (loaded at first paint) does not pull the editor's code
 * (Tiptap, ProseMirror, Yjs) into its bundle just to name an event (issue 14).
 */

/** Carries new intended placeholder keys: `{ sectionId, keys }` (lib/editor/placeholder-highlight.ts). */
export const INTENDED_EVENT = "hegao:intended-placeholders";

/** Announces that a rejected draft of this section was just kept aside: `{ sectionId }`. */
export const REJECTED_DRAFT_EVENT = "hegao:rejected-draft";
