import { citizenIdKey, digitsKey, hasHouseNumber, nameKey, textKey } from './identity-keys';
import { identityKeyOf, scoreIdentityMatch, type IdentityRecord, type IdentityWeights } from './identity-match';

const weights: IdentityWeights = { minScore: 70, nameAndBirth: 50, address: 30, phone: 20, bankAccount: 20, documentKinds: 10 };
const cccd: IdentityRecord = { citizenId: '020080001234', fullName: 'Nguyễn Văn Nam', dateOfBirth: '1980-09-12', ward: 'W01', address: 'Số 12 Lê Lợi', phone: '0912345678' };

describe('identity keys', () => {
  it('folds full-width digits and separators out of numbers', () => {
    expect(citizenIdKey('０２００ ８０００.１２３４')).toBe('020080001234');
    expect(digitsKey('+84 912-345-678')).toBe('0912345678');
    expect(digitsKey('１２３')).toBeNull();
  });

  it.each(['Nguyễn Văn Nam', 'nguyen van nam', 'NGUYEN  VAN   NAM', 'Nguyễn Văn Nam', 'nguyễnvănnam'])('"%s" is nguyenvannam', (name) =>
    expect(nameKey(name)).toBe('nguyenvannam'));

  it('keeps đ as d: Đặng and Dang are one name', () => expect(nameKey('Đặng Thị Đào')).toBe(nameKey('dang thi dao')));

  it('keys a text the same when asked again, past the bound of the texts it remembers and for texts too long to remember', () => {
    const names = Array.from({ length: 25_000 }, (_, n) => `Trần Thị Số ${n}`);
    const first = names.map(textKey);
    expect(first[24_999]).toBe('tran thi so 24999');
    expect(names.map(textKey)).toEqual(first);
    const long = `Đặng ${'Văn '.repeat(100)}Đào`;
    expect(textKey(long)).toBe(`dang ${'van '.repeat(100)}dao`);
    expect(textKey(long)).toBe(textKey(long));
    expect(textKey('  ')).toBeNull();
    expect(textKey('  ')).toBeNull();
  });

  it.each<[string, boolean]>([['Thôn 3, xã Tân Lập', false], ['Tổ dân phố 5, phường Chi Lăng', false], ['Số 12, tổ dân phố 3', true], ['12/3 Lê Lợi', true], ['Phòng 4, nhà trọ Hương', true]])(
    '%s names a dwelling: %s', (address, expected) => expect(hasHouseNumber(address)).toBe(expected));
});

describe('scoreIdentityMatch', () => {
  it('a CMND and a CCCD under one name, date of birth, address and phone: probable', () => {
    const cmnd = { ...cccd, citizenId: '082123456', fullName: 'NGUYEN VAN NAM' };
    expect(scoreIdentityMatch(cccd, cmnd, weights)).toEqual({ score: 110, matched: ['name', 'dateOfBirth', 'address', 'phone', 'documentKinds'], documentKinds: ['cccd', 'cmnd'], probable: true });
  });

  it('the same name and date of birth alone is a namesake, below the score', () => {
    const other = { ...cccd, citizenId: '020080009999', address: 'Thôn 2, xã Mai Pha', phone: '0987000111' };
    expect(scoreIdentityMatch(cccd, other, weights)).toMatchObject({ score: 50, probable: false });
  });

  it('nothing to match for the same ID, or another date of birth', () => {
    expect(scoreIdentityMatch(cccd, { ...cccd, citizenId: '０２００８０００１２３４' }, weights)).toBeNull();
    expect(scoreIdentityMatch(cccd, { ...cccd, citizenId: '082123456', dateOfBirth: '1980-09-13' }, weights)).toBeNull();
  });

  it('the identity key is name and date of birth', () => expect(identityKeyOf(cccd)).toBe('nguyenvannam|1980-09-12'));
});
