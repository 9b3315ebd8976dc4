/**
 * Formula injection: Excel and LibreOffice run a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula, so a participant named "=HYPERLINK(…)" could make
 * an exported list call out or run commands. Every exported text cell goes through this.
 * Prefixing an apostrophe is what OWASP recommends; the value still reads the same.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}
