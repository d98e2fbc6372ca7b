/**
 * Characters that make a spreadsheet read a cell as a formula (or a DDE call) once it is edited or the
 * sheet is saved as CSV: `=`, `+`, `-`, `@`, tab and carriage return at the start (OWASP's CSV injection list).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text for a cell: a leading apostrophe keeps a would-be formula plain text. */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
