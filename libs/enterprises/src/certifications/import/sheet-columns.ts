import { MalformedSheetError, type Sheet } from './read-sheet';

/** The columns of an announced list, with the Chinese and English headers accepted for each. */
export const IMPORT_COLUMNS = {
  name: ['企业名称', 'name'],
  uscc: ['统一社会信用代码', 'uscc'],
  type: ['类型', 'type'],
  level: ['级别', 'level'],
  batch: ['批次', 'batch'],
  documentNumber: ['文号', 'documentNumber'],
  announcedOn: ['公告日期', 'announcedOn'],
  validFrom: ['有效期起', 'validFrom'],
  validTo: ['有效期止', 'validTo'],
} as const;

export type ImportField = keyof typeof IMPORT_COLUMNS;
/** level may be left out when the type has one level; validTo is then derived from the type's rule. */
const OPTIONAL: readonly ImportField[] = ['level', 'validTo'];

export type RawImportRow = { row: number } & Record<ImportField, string>;

const normalise = (header: string) => header.replace(/[\s_\-*（）()]/g, '').toLowerCase();

/** Maps the header row onto the fields; missing required columns are one error naming them all. */
export function rawRows(sheet: Sheet): RawImportRow[] {
  const index = new Map(sheet.header.map((h, i) => [normalise(h), i]));
  const positions = {} as Record<ImportField, number>;
  const missing: string[] = [];
  for (const [field, names] of Object.entries(IMPORT_COLUMNS) as [ImportField, readonly string[]][]) {
    const at = names.map((n) => index.get(normalise(n))).find((i) => i !== undefined);
    if (at !== undefined) positions[field] = at;
    else if (!OPTIONAL.includes(field)) missing.push(names.join('/'));
  }
  if (missing.length > 0) {
    throw new MalformedSheetError(`missing required columns ${missing.join(', ')} (found: ${sheet.header.join(', ')})`, 'header row 1');
  }
  return sheet.rows.map(({ row, cells }) => {
    const raw = { row } as RawImportRow;
    for (const field of Object.keys(IMPORT_COLUMNS) as ImportField[]) raw[field] = positions[field] === undefined ? '' : (cells[positions[field]] ?? '');
    return raw;
  });
}
