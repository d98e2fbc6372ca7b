import { spreadsheetText } from '@app/reporting';

/** The byte order mark that makes Excel read a CSV as UTF-8 (without it, Chinese opens as mojibake). */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 line ending. */
const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: text is defused first (a cell starting with = + - @ stays text when Excel opens it), then quoted
 * when it holds a quote, comma or line break, with quotes doubled. Numbers are written as they are.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = spreadsheetText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',') + CRLF;
}
