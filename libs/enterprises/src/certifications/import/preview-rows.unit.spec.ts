import { usccCheckCharacter } from '../../domain/uscc';
import { previewRows } from './preview-rows';
import type { RawImportRow } from './sheet-columns';

const uscc = (n: number) => {
  const body = `91330100ME${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};
const row = (n: number, firm: string, type: string, batch: string, validFrom: string): RawImportRow => ({
  row: n,
  name: '星河精密',
  uscc: firm,
  type,
  level: '',
  batch,
  documentNumber: '文号',
  announcedOn: validFrom,
  validFrom,
  validTo: '',
});

describe('previewRows across one file', () => {
  const firm = uscc(1);

  it('a second window of the same firm, type and level that overlaps an earlier row is an overlap naming it', () => {
    const rows = previewRows([row(2, firm, '创新型中小企业', '第一批', '2024-03-01'), row(3, firm, '创新型中小企业', '第二批', '2024-09-01')], new Set([firm]));
    expect(rows.map((r) => [r.status, r.overlapsRow])).toEqual([['ok', undefined], ['overlap', 2]]);
    expect(rows[1].errors).toEqual([{ field: 'validFrom', message: expect.stringContaining('overlaps row 2') }]);
  });

  it('windows that do not overlap, other firms and other types are independent', () => {
    const rows = previewRows(
      [
        row(2, firm, '创新型中小企业', '2021第一批', '2021-01-01'),
        row(3, firm, '创新型中小企业', '2024第一批', '2024-03-01'),
        row(4, uscc(2), '创新型中小企业', '2024第一批', '2024-03-01'),
        row(5, firm, '科技型中小企业', '2024第一批', '2024-03-01'),
      ],
      new Set([firm, uscc(2)]),
    );
    expect(rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('高企 may be re-applied for while the earlier certificate runs, as the decider allows', () => {
    const rows = previewRows([row(2, firm, '高新技术企业', '2022', '2022-12-01'), row(3, firm, '高新技术企业', '2024', '2024-12-01')], new Set([firm]));
    expect(rows.map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});
