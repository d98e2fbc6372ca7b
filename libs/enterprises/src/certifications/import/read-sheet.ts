import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

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

/** Reads the first worksheet of an XLSX file, or a UTF-8 CSV (with or without BOM), as text cells. */
export async function readSheet(content: Buffer, fileName: string): Promise<Sheet> {
  if (content.length === 0) throw new MalformedSheetError('the file is empty', 'file');
  const lines = content.subarray(0, 4).equals(ZIP_MAGIC) ? await readXlsx(content) : readCsv(content, fileName);
  const numbered = lines.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c !== ''));
  if (numbered.length === 0) throw new MalformedSheetError('the file has no rows', 'file');
  const [header, ...rows] = numbered;
  if (rows.length === 0) throw new MalformedSheetError(`no data rows below the header`, `header row ${header.row}`);
  return { format: content.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv', header: header.cells, rows };
}

function readCsv(content: Buffer, fileName: string): string[][] {
  if (/\.xlsx?$/i.test(fileName)) throw new MalformedSheetError(`${fileName} is not a valid XLSX workbook`, 'file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new MalformedSheetError('neither an XLSX workbook nor UTF-8 CSV text (save the sheet as XLSX or CSV UTF-8)', 'file');
  }
  if (text.includes('\u0000')) throw new MalformedSheetError('binary content: neither an XLSX workbook nor CSV text', 'file');
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new MalformedSheetError(`cannot be read as CSV (${(error as Error).message})`, line ? `line ${line}` : 'file');
  }
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new MalformedSheetError(`not a readable XLSX workbook (${(error as Error).message})`, 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new MalformedSheetError('the workbook has no worksheet', 'file');
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = (row.values as unknown[]).slice(1);
    lines[number - 1] = values.map(cellText);
  });
  return Array.from(lines, (cells) => cells ?? []);
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
