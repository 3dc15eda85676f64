const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'];

/** One group of three digits as Vietnamese reads it; `full` when a higher group came before. */
const readGroup = (group: number, full: boolean): string => {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor((group % 100) / 10);
  const units = group % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0 && (full || hundreds > 0)) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens], 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens > 1) words.push('mốt');
    else if (units === 5 && tens > 0) words.push('lăm');
    else if (units === 4 && tens > 1) words.push('tư');
    else words.push(DIGITS[units]);
  }
  return words.join(' ');
};

/**
 * A whole amount of đồng in Vietnamese words, as the "Bằng chữ" line of a list or a payment
 * voucher writes it: 3.000.000 → "Ba triệu đồng", 1.250.000 → "Một triệu hai trăm năm mươi nghìn đồng".
 */
export const amountInWords = (amount: number): string => {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not a whole amount: ${amount}`);
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index];
    // Above a billion the scale words repeat: 1.000.000.000.000 is "một nghìn tỷ".
    const scale = index === 0 ? '' : index % 3 === 0 ? 'tỷ' : SCALES[index % 3];
    if (group === 0) {
      if (index % 3 === 0 && index > 0 && words.length > 0 && words[words.length - 1] !== 'tỷ') words.push('tỷ');
      continue;
    }
    words.push(readGroup(group, words.length > 0));
    if (scale) words.push(scale);
  }
  const text = `${words.join(' ')} đồng`.replace(/\s+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** 3000000 → "3.000.000", as Vietnamese documents write amounts. */
export const formatAmount = (amount: number): string => amount.toLocaleString('de-DE');
