import type { ReactNode } from 'react'

export function PageHeader({
  id,
  title,
  description,
  children,
}: {
  id: string
  title: string
  description?: string
  children?: ReactNode
}) {
  return (
    <header className="page-header">
      <div>
        <h1 id={id}>{title}</h1>
        {description && <p className="page-description">{description}</p>}
      </div>
      {children}
    </header>
  )
}
