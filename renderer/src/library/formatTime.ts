/** "just now", "5 min ago", "yesterday 14:05", "3 Nov 2026": how long ago a thing was saved. */
export function formatTimeAgo(at: number, now = Date.now()): string {
  const s = Math.round((now - at) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const d = new Date(at);
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const h = Math.round(m / 60);
  if (h < 20) return `${h} h ago`;
  const days = Math.floor((now - at) / 86_400_000);
  if (days < 2) return `yesterday ${time}`;
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
