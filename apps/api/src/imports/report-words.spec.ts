import { MessageRenderer } from '../problem/messages/message-renderer';
import { reportMessage, wordReport } from './report-words';

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

  it('leaves what no catalogue knows as it was written', () => {
    expect(reportMessage('something.unknown-to-us', 'vi', renderer)).toBe('something.unknown-to-us');
    expect(reportMessage('a sentence of its own', 'en', renderer)).toBe('a sentence of its own');
  });

  it('words a report of keys and params, and one of older sentences, alike', () => {
    const report = [
      { row: 3, code: 'not-found', message: 'payments.unknown-application', params: { applicationId: 'A-1' } },
      { row: 4, code: 'not-found', message: 'application.not-found', applicationId: APPLICATION },
      { row: 5, code: 'validation-failed', message: 'citizenId must be a CMND (9 digits) or CCCD (12 digits)' },
    ];
    const english = wordReport(report, 'en', renderer);
    expect(english[0].message).toContain('A-1');
    expect(english[0].message).not.toContain('payments.');
    expect(english[1]).toEqual({ row: 4, code: 'not-found', applicationId: APPLICATION, message: `${APPLICATION}: no such application` });
    expect(english[2].message).toBe('must be a CMND (9 digits) or CCCD (12 digits)');
    expect(wordReport(report, 'vi', renderer)[2].message).toBe('phải là số CMND (9 chữ số) hoặc CCCD (12 chữ số)');
  });
});
