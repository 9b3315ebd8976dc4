import type { SuppressKeyboardEventParams } from 'ag-grid-community'

/**
 * Japanese IME and the grid. While text is being composed, Enter confirms the conversion: it
 * must not end the edit (AG Grid would save the half-typed reading). Chromium marks such key
 * events with isComposing, and older paths with keyCode 229 ('Process').
 */
export function isImeKey(event: KeyboardEvent): boolean {
  return event.isComposing || event.keyCode === 229 || event.key === 'Process'
}

export function suppressImeKeys(params: SuppressKeyboardEventParams): boolean {
  return params.editing && isImeKey(params.event)
}
