/** A diagram view on its own landscape page: title, the drawing inside the page box, the legend below. */
import { Svg, Rect, Text, View } from '@react-pdf/renderer';
import { EFFECTS } from '../../../../shared/domain/kinds.ts';
import { diagramPrimitives } from '../../../../shared/report/draw.ts';
import { DIAGRAM_MARGINS } from '../../../../shared/report/page.ts';
import { BREAK_COLOR, EFFECT_STYLES, KIND_STYLES } from '../../../../shared/report/style.ts';
import type { DiagramView } from '../../../../shared/report/types.ts';
import type { Chrome } from './layout.tsx';
import { LandscapePage } from './layout.tsx';
import { Drawing, Marker } from './Svg.tsx';
import { C } from './theme.ts';

function LegendItem({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <View style={{ flexDirection: 'row', alignItems: 'center', marginRight: 12 }}>
      {children}
      <Text style={{ fontSize: 7.5, color: C.muted }}>{label}</Text>
    </View>
  );
}

function Legend({ view }: { view: DiagramView }) {
  if (!view.overlay) {
    const kinds = [...new Set(view.nodes.map((n) => n.kind))];
    return (
      <>
        {kinds.map((k) => (
          <LegendItem key={k} label={KIND_STYLES[k].label}>
            <View style={{ width: 3, height: 8, backgroundColor: KIND_STYLES[k].color, marginRight: 3 }} />
          </LegendItem>
        ))}
      </>
    );
  }
  return (
    <>
      {EFFECTS.map((e) => (
        <LegendItem key={e} label={EFFECT_STYLES[e].label}>
          <Marker shape={EFFECT_STYLES[e].shape} color={EFFECT_STYLES[e].color} size={8} />
        </LegendItem>
      ))}
      <LegendItem label="Break (where it starts)">
        <Svg width={13} height={9} style={{ marginRight: 3 }}>
          <Rect x={0.8} y={0.8} width={11.4} height={7.4} rx={2} fill="none" stroke={BREAK_COLOR} strokeWidth={1.4} />
        </Svg>
      </LegendItem>
      <LegendItem label="Not reached">
        <Svg width={13} height={9} style={{ marginRight: 3 }}>
          <Rect x={0.5} y={0.5} width={12} height={8} rx={2} fill="#F8FAFC" stroke="#CBD5E1" strokeWidth={0.8} />
        </Svg>
      </LegendItem>
      <LegendItem label="Dashed border: availability">
        <Svg width={13} height={9} style={{ marginRight: 3 }}>
          <Rect x={0.5} y={0.5} width={12} height={8} rx={2} fill="#E3E3E3" stroke="#333333" strokeWidth={0.8} strokeDasharray="2 1" />
        </Svg>
      </LegendItem>
    </>
  );
}

export function DiagramPage({ view, chrome, paper, bookmark }: { view: DiagramView; chrome: Chrome; paper: 'A4' | 'Letter'; bookmark?: string }) {
  const { box } = view;
  return (
    <LandscapePage {...chrome} paper={paper} bookmark={bookmark}>
      <View style={{ position: 'absolute', top: DIAGRAM_MARGINS.top, left: box.x, width: box.w }}>
        <Text style={{ fontSize: 13, fontWeight: 700, color: C.ink, lineHeight: 1.3, maxLines: 1, textOverflow: 'ellipsis' }}>{view.title}</Text>
        <Text style={{ fontSize: 8, color: C.muted, lineHeight: 1.35, maxLines: 2, textOverflow: 'ellipsis' }}>{view.caption}</Text>
      </View>
      <View
        style={{
          position: 'absolute',
          top: box.y,
          left: box.x,
          width: box.w,
          height: box.h,
          borderWidth: 0.5,
          borderColor: C.rule,
          borderRadius: 3,
        }}
      />
      <Drawing primitives={diagramPrimitives(view)} view={box} style={{ position: 'absolute', top: box.y, left: box.x }} />
      <View
        style={{ position: 'absolute', top: box.y + box.h + 8, left: box.x, width: box.w, flexDirection: 'row', flexWrap: 'wrap' }}
      >
        <Legend view={view} />
      </View>
    </LandscapePage>
  );
}
