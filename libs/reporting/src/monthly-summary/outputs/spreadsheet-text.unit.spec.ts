import { spreadsheetText } from './spreadsheet-text';

describe('spreadsheetText', () => {
  it.each(['=1+2', '+86 571', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])('prefixes %j with an apostrophe', (text) => {
    expect(spreadsheetText(text)).toBe(`'${text}`);
  });

  it.each(['补录6月28日走访', '40.0%（2/5）', 'a=b', ''])('leaves %j as it is', (text) => {
    expect(spreadsheetText(text)).toBe(text);
  });
});
