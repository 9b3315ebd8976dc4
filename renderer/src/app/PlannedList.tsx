/** "What will come here": a short, honest list on screens that are not built yet. */
export function PlannedList({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <div className="panel panel-muted">
      <h2>{title}</h2>
      <ul className="planned-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  )
}
