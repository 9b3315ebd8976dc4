/** '#/participants?view=ID' → ID (the sidebar's saved-view links). */
export function viewIdFromHash(hash: string): string | null {
  const query = hash.split('?')[1]
  return query ? new URLSearchParams(query).get('view') : null
}
