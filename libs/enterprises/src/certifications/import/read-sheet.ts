import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { tooLargeUncompressed, tooManyRows, type ImportLimits } from './import-limits';
import { declaredUncompressedSize } from './zip-size';

/** The upload is not a readable list: a 400 saying what and where; nothing is previewed or appended. */
export class MalformedSheetError extends Error {
  constructor(
    message: string,
    /** Where in the file: 'file', 'header row 1', 'line 7' … */
    readonly where: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'MalformedSheetError';
  }
}

export interface SheetRow {
  /** The row's number in the file (the header is row 1), so a preview can point a clerk at it. */
  row: number;
  cells: string[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: SheetRow[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the first worksheet of an XLSX file, or a UTF-8 CSV (with or without BOM), as text cells. Both are
 * read as streams and stop as soon as the list has more than `limits.maxRows` data rows (ImportTooLargeError):
 * an oversized upload costs the rows up to the cap, never the whole file in memory.
 */
export async function readSheet(content: Buffer, fileName: string, limits: ImportLimits): Promise<Sheet> {
  if (content.length === 0) throw new MalformedSheetError('the file is empty', 'file');
  const xlsx = content.subarray(0, 4).equals(ZIP_MAGIC);
  const collected = new RowCollector(limits.maxRows);
  if (xlsx) await readXlsx(content, limits, collected);
  else await readCsv(content, fileName, collected);
  const { header, rows } = collected;
  if (!header) throw new MalformedSheetError('the file has no rows', 'file');
  if (rows.length === 0) throw new MalformedSheetError(`no data rows below the header`, `header row ${header.row}`);
  return { format: xlsx ? 'xlsx' : 'csv', header: header.cells, rows };
}

/** Keeps the header and the non-empty rows, and stops the reading once there are more rows than the cap. */
class RowCollector {
  header: SheetRow | null = null;
  readonly rows: SheetRow[] = [];
  constructor(private readonly maxRows: number) {}

  add(row: number, cells: string[]): void {
    if (!cells.some((c) => c !== '')) return;
    if (!this.header) {
      this.header = { row, cells };
      return;
    }
    if (this.rows.length >= this.maxRows) throw tooManyRows(this.maxRows);
    this.rows.push({ row, cells });
  }
}

async function readCsv(content: Buffer, fileName: string, collected: RowCollector): Promise<void> {
  if (/\.xlsx?$/i.test(fileName)) throw new MalformedSheetError(`${fileName} is not a valid XLSX workbook`, 'file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new MalformedSheetError('neither an XLSX workbook nor UTF-8 CSV text (save the sheet as XLSX or CSV UTF-8)', 'file');
  }
  if (text.includes('\u0000')) throw new MalformedSheetError('binary content: neither an XLSX workbook nor CSV text', 'file');
  const parser = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) collected.add(++line, record);
  } catch (error) {
    if (!(error instanceof Error) || !('code' in error) || !String(error.code).startsWith('CSV_')) throw error;
    const at = (error as { lines?: number }).lines;
    throw new MalformedSheetError(`cannot be read as CSV (${error.message})`, at ? `line ${at}` : 'file');
  } finally {
    parser.destroy();
  }
}

async function readXlsx(content: Buffer, limits: ImportLimits, collected: RowCollector): Promise<void> {
  const declared = declaredUncompressedSize(content);
  if (declared === null) throw new MalformedSheetError('not a readable XLSX workbook (no zip directory)', 'file');
  if (declared > limits.maxUncompressedBytes) throw tooLargeUncompressed(declared, limits.maxUncompressedBytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date cells are told apart by their number format
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) collected.add(row.number, (row.values as unknown[]).slice(1).map(cellText));
      break; // the first worksheet is the list
    }
  } catch (error) {
    if (error instanceof MalformedSheetError || (error instanceof Error && error.name === 'ImportTooLargeError')) throw error;
    throw new MalformedSheetError(`not a readable XLSX workbook (${(error as Error).message})`, 'file');
  }
  if (!sawSheet) throw new MalformedSheetError('the workbook has no worksheet', 'file');
}

/** A cell as text; dates as YYYY-MM-DD (exceljs reads date cells as UTC midnight). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    return '';
  }
  return String(value).trim();
}
