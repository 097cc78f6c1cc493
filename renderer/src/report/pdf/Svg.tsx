/** The shared drawing primitives as react-pdf SVG elements: the diagram and timeline look as in the HTML. */
import { Line, Path, Rect, Svg, Text } from '@react-pdf/renderer';
import type { Style } from './theme.ts';
import type { ComponentType, ReactNode } from 'react';
import type { Primitive } from '../../../../shared/report/draw.ts';
import { markerPath } from '../../../../shared/report/style.ts';
import type { MarkerShape } from '../../../../shared/report/style.ts';
import { FONT_STACK } from '../fonts.ts';

/** react-pdf's SVG text takes font props its typings leave out. */
const SvgText = Text as unknown as ComponentType<{
  x: number;
  y: number;
  fill: string;
  fontSize: number;
  fontWeight: number;
  fontFamily: string[];
  textAnchor: 'start' | 'middle' | 'end';
  children: ReactNode;
}>;

const n = (v: number) => Math.round(v * 100) / 100;

export function primitiveElements(primitives: readonly Primitive[]): ReactNode[] {
  return primitives.map((p, i) => {
    switch (p.type) {
      case 'rect':
        return (
          <Rect
            key={i}
            x={n(p.x)}
            y={n(p.y)}
            width={n(p.w)}
            height={n(p.h)}
            rx={n(p.rx)}
            ry={n(p.rx)}
            fill={p.fill}
            stroke={p.stroke ?? undefined}
            strokeWidth={p.stroke ? n(p.strokeWidth) : 0}
            strokeDasharray={p.dash ?? undefined}
          />
        );
      case 'line':
        return (
          <Line
            key={i}
            x1={n(p.x1)}
            y1={n(p.y1)}
            x2={n(p.x2)}
            y2={n(p.y2)}
            stroke={p.stroke}
            strokeWidth={n(p.strokeWidth)}
            strokeDasharray={p.dash ?? undefined}
          />
        );
      case 'path':
        return (
          <Path
            key={i}
            d={p.d}
            fill={p.fill}
            stroke={p.stroke ?? undefined}
            strokeWidth={p.stroke ? n(p.strokeWidth) : 0}
            strokeDasharray={p.dash ?? undefined}
          />
        );
      case 'text':
        return (
          <SvgText
            key={i}
            x={n(p.x)}
            y={n(p.y)}
            fill={p.color}
            fontSize={n(p.size)}
            fontWeight={p.bold ? 700 : 400}
            fontFamily={FONT_STACK}
            textAnchor={p.anchor}
          >
            {p.text}
          </SvgText>
        );
    }
  });
}

/** Primitives drawn in a box of the given size whose coordinates start at (x, y). */
export function Drawing(props: {
  primitives: readonly Primitive[];
  view: { x: number; y: number; w: number; h: number };
  style?: Style;
}) {
  const { view } = props;
  return (
    <Svg width={view.w} height={view.h} viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`} style={props.style}>
      {primitiveElements(props.primitives)}
    </Svg>
  );
}

/** A small effect marker inline with text. */
export function Marker({ shape, color, size = 7 }: { shape: MarkerShape; color: string; size?: number }) {
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} style={{ marginRight: 3 }}>
      <Path d={markerPath(shape, size / 2, size / 2, size / 2 - 0.3)} fill={color} />
    </Svg>
  );
}
