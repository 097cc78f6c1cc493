/** Small drawings for the legend. */

/** A short spread line with its arrowhead, as the canvas draws it. */
export function EdgeLegendLine() {
  return (
    <svg className="fx-swatch fx-swatch-edge" width="26" height="16" viewBox="0 0 26 16" aria-hidden="true">
      <path d="M2 8H17" className="fx-legend-edge" />
      <path d="M16 3.5L24 8L16 12.5z" className="fx-legend-arrow" />
    </svg>
  );
}
