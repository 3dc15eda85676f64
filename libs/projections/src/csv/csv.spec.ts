import { csvCell, csvRow } from './csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+84912345678', `'+84912345678`],
    ['-1000000', `'-1000000`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises a formula: %j', (value, expected) => expect(csvCell(value)).toBe(expected));

  it.each([
    ['Số 12, Lê Lợi', '"Số 12, Lê Lợi"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('quotes %j', (value, expected) => expect(csvCell(value)).toBe(expected));

  it('writes numbers, empty values, dates and lists plainly', () =>
    expect(csvRow([3000000, null, undefined, new Date('2020-05-18T02:00:00Z'), ['W01', 'W02'], 'Nguyễn Thị Hạnh'])).toBe('3000000,,,2020-05-18T02:00:00.000Z,W01 W02,Nguyễn Thị Hạnh\r\n'));
});
