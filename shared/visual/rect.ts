/**
 * The one rectangle and size of the code base, named as the DOM and React Flow name them (`width`, `height`):
 * the canvas's geometry, its layouts and camera, the report's diagrams and the PDF writer all use these, in
 * model coordinates or page points as the caller says.
 */

export interface Size {
  width: number;
  height: number;
}

/** `x`, `y` is the top-left corner. */
export interface Rect extends Size {
  x: number;
  y: number;
}
