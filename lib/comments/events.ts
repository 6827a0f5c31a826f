/**
 * Window events between the section editor and the comment threads of the sidebar (both client
 * components on one page, with no shared React state):
 * - `hegao:comment-draft` (`detail: CommentDraft`): the editor's 批注 button hands the selected
 *   quote and its anchor to the sidebar's comment box;
 * - `hegao:open-comment` (`detail: { id, reveal? }`): a click on a highlighted quote opens its
 *   thread; a click on a thread's quote in the sidebar (`reveal: true`) also shows the words in
 *   the editor.
 */
export const COMMENT_DRAFT_EVENT = "hegao:comment-draft";
export const OPEN_COMMENT_EVENT = "hegao:open-comment";

/** A quote selected in the editor: its text and Yjs relative positions. */
export interface CommentDraft {
  sectionId: string;
  quote: string;
  anchor: { start: unknown; end: unknown } | null;
}
