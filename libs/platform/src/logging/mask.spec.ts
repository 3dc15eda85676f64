import { maskDeep, maskText } from './mask';

describe('Masking personal data in logs', () => {
  it('masks citizen IDs, phone numbers and bank accounts by field name, at any depth', () => {
    const masked = maskDeep({
      applicant: { citizenId: '001080000101', fullName: 'Trần Thị Bình', phone: '0987654321', bankAccount: 'VCB-0071-0004-56789' },
      list: [{ CitizenId: '123456789' }],
    });
    expect(masked).toEqual({
      applicant: { citizenId: '*********101', fullName: 'Trần Thị Bình', phone: '*******321', bankAccount: '************789' },
      list: [{ CitizenId: '******789' }],
    });
  });

  it('masks runs of 8 to 19 digits in free text, spaced or not', () => {
    expect(maskText('GET /beneficiaries/001080000101?x=1')).toBe('GET /beneficiaries/*********101?x=1');
    expect(maskText('call +84 912 345 678 now')).toBe('call ********678 now');
    expect(maskText('account 0071000456789 refused')).toBe('account **********789 refused');
  });

  it('leaves UUIDs, hashes, dates, short numbers and amounts under 8 digits alone', () => {
    const text = 'application 12345678-1234-4234-8234-123456789012 version 7 amount 3000000 on 2020-05-18 hash ab12345678901234cd';
    expect(maskText(text)).toBe(text);
  });

  it('masks an error message and stack without changing the error', () => {
    const error = new Error('no beneficiary 001080000101');
    const masked = maskDeep({ err: error }) as { err: { message: string } };
    expect(masked.err.message).toBe('no beneficiary *********101');
    expect(error.message).toBe('no beneficiary 001080000101');
  });
});
