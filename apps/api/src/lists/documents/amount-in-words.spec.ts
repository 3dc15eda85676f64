import { amountInWords, formatAmount } from './amount-in-words';

describe('amountInWords (Bằng chữ)', () => {
  it.each([
    [0, 'Không đồng'],
    [1_000_000, 'Một triệu đồng'],
    [3_000_000, 'Ba triệu đồng'],
    [1_500_000, 'Một triệu năm trăm nghìn đồng'],
    [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [2_105_000, 'Hai triệu một trăm linh năm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [24_000, 'Hai mươi tư nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [150_000_000_000, 'Một trăm năm mươi tỷ đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%i → %s', (amount, words) => expect(amountInWords(amount)).toBe(words));

  it('refuses what is not a whole amount', () => expect(() => amountInWords(1.5)).toThrow(RangeError));

  it('writes figures with dots between thousands', () => expect(formatAmount(12_500_000)).toBe('12.500.000'));
});
