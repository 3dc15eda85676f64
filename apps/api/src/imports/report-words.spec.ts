import { MessageRenderer } from '../problem/messages/message-renderer';
import { reportInLanguage, reportMessage } from './report-words';

const renderer = new MessageRenderer();
const APPLICATION = '0f6b2c1e-5a7d-4c3b-9e2f-1a2b3c4d5e6f';

describe('an import report in the reader’s language', () => {
  it('words a stored domain key with its params, keeping the application it names', () => {
    expect(reportMessage('application.not-found', 'vi', renderer)).toBe('không có hồ sơ này');
    expect(reportMessage(`${APPLICATION}: application.not-found`, 'en', renderer)).toBe(`${APPLICATION}: no such application`);
    expect(reportMessage('list.not-found {"list":"L1"}', 'en', renderer)).toBe('no such list L1');
  });

  it('words the sentences the row checks wrote, with their numbers', () => {
    expect(reportMessage('citizenId must be a CMND (9 digits) or CCCD (12 digits)', 'vi', renderer)).toBe('phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)');
    expect(reportMessage('fullName must be 1 to 200 characters', 'vi', renderer)).toBe('phải dài từ 1 đến 200 ký tự');
    expect(reportMessage('no approved, unpaid application of 001099999999 in ward W01', 'vi', renderer)).toBe('không có hồ sơ đã duyệt, chưa chi trả nào của 001099999999 ở phường/xã W01');
    expect(reportMessage('amount must be a positive whole number of VND', 'en', renderer)).toBe('must be a positive whole number of đồng');
  });

  it('leaves what no catalogue knows as it was written, and the whole report as stored when the request names no language', () => {
    expect(reportMessage('something.unknown-to-us', 'vi', renderer)).toBe('something.unknown-to-us');
    expect(reportMessage('a sentence of its own', 'en', renderer)).toBe('a sentence of its own');
    const report = [{ row: 3, code: 'not-found', message: 'application.not-found' }];
    expect(reportInLanguage(report, undefined, renderer)).toEqual(report);
    expect(reportInLanguage(report, 'en-GB,en;q=0.9', renderer)).toEqual([{ row: 3, code: 'not-found', message: 'no such application' }]);
  });
});
