/** The no-rows overlay: one calm sentence instead of AG Grid's generic one. */
export function EmptyOverlay({ text }: { text: string }) {
  return <span className="grid-overlay-text">{text}</span>
}
