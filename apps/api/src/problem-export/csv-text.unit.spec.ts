import { csvField, csvLine, UTF8_BOM } from './csv-text';

describe('CSV text (RFC 4180, formulas defused)', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('测试企业有限公司')).toBe('测试企业有限公司');
    expect(csvField(3)).toBe('3');
    expect(csvField('')).toBe('');
  });

  it('quotes a field holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('融资,用工')).toBe('"融资,用工"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('prefixes an apostrophe to text a spreadsheet would run as a formula, then quotes it if needed', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    // A number is a value, not typed text: a negative number stays a number.
    expect(csvField(-2)).toBe('-2');
  });

  it('ends every line with CRLF; the BOM is the UTF-8 one Excel looks for', () => {
    expect(csvLine(['诉求编号', '企业名称', 1])).toBe('诉求编号,企业名称,1\r\n');
    expect(Buffer.from(UTF8_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
