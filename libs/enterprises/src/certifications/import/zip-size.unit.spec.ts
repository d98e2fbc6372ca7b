import ExcelJS from 'exceljs';
import { declaredUncompressedSize } from './zip-size';

describe('declaredUncompressedSize', () => {
  it('sums the sizes the zip directory declares, far more than the compressed file for repetitive text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('s').addRow(['重'.repeat(100_000)]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const declared = declaredUncompressedSize(xlsx)!;
    expect(declared).toBeGreaterThan(300_000);
    expect(xlsx.length).toBeLessThan(declared / 10);
  });

  it('is null for bytes without a zip directory', () => {
    expect(declaredUncompressedSize(Buffer.from('PK\u0003\u0004 not really a zip'))).toBeNull();
  });
});
