import { useEffect, useRef, useState } from 'react';

/** A text field over a label: Enter or leaving the field commits, Escape cancels. */
export function InlineRename({
  value,
  onCommit,
  onCancel,
  className,
}: {
  value: string;
  onCommit: (next: string) => void;
  onCancel: () => void;
  className?: string;
}) {
  const [text, setText] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  // A node just added is hidden until React Flow measures it, and a hidden field cannot take focus: retry
  // for a few frames.
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const el = ref.current;
      if (!el) return;
      el.focus();
      if (document.activeElement === el) el.select();
      else if (tries++ < 20) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <input
      ref={ref}
      className={`fl-rename nodrag nopan nowheel ${className ?? ''}`}
      data-testid="inline-rename"
      aria-label="Name"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') onCommit(text.trim());
        else if (e.key === 'Escape') onCancel();
      }}
      onBlur={() => onCommit(text.trim())}
    />
  );
}
