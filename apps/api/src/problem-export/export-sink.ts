import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { spreadsheetText } from '@app/reporting';
import { csvLine, UTF8_BOM } from './csv-text';

export type ExportFormat = 'xlsx' | 'csv';

/** Where exported rows go, one at a time: nothing but the writer's own small buffer is held. */
export interface ExportSink {
  row(values: readonly (string | number)[]): Promise<void>;
  end(): Promise<void>;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function exportSink(format: ExportFormat, out: Writable, sheetName: string, headers: readonly string[]): ExportSink {
  return format === 'xlsx' ? xlsxSink(out, sheetName, headers) : csvSink(out, headers);
}

/** Waits for the client to take what was written when the socket's buffer is full, so a slow reader slows the export. */
function written(out: Writable, chunk: string): Promise<void> {
  return out.write(chunk) ? Promise.resolve() : drained(out);
}

function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      out.off('close', done);
      if (error) reject(error);
      else resolve();
    };
    out.once('drain', done);
    out.once('error', done);
    out.once('close', done);
  });
}

function csvSink(out: Writable, headers: readonly string[]): ExportSink {
  let started = false;
  return {
    async row(values) {
      if (!started) {
        started = true;
        await written(out, UTF8_BOM + csvLine(headers));
      }
      await written(out, csvLine(values));
    },
    async end() {
      if (!started) await written(out, UTF8_BOM + csvLine(headers));
      await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

/**
 * exceljs's streaming writer: each committed row is serialised into the zip stream piped to `out`, so memory stays
 * flat however many rows. Shared strings are off (their table would have to be kept whole until the end).
 */
function xlsxSink(out: Writable, sheetName: string, headers: readonly string[]): ExportSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: Math.max(12, header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async row(values) {
      sheet.addRow(values.map((v) => (typeof v === 'string' ? spreadsheetText(v) : v))).commit();
      // The zip stream buffers what the socket has not taken: wait for it rather than let a slow client grow it.
      if (out.writableNeedDrain) await drained(out);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
