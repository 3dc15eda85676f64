/**
 * Deterministic demo data: a seeded PRNG, Vietnamese names, Lạng Sơn-style citizen IDs, and a
 * realistic mix of categories (list-based groups dominate, as in the province's 2020 figures).
 */
export class Random {
  constructor(private state: number) {}

  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vi', 'Lương', 'Hà', 'Nông', 'Lộc', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam', 'Phương', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const STREETS = ['Trần Đăng Ninh', 'Lê Lợi', 'Bà Triệu', 'Hùng Vương', 'Tam Thanh', 'Ngô Quyền', 'Lý Thái Tổ', 'Phai Vệ'];

/** Category codes weighted roughly as Lạng Sơn's initial review (§7 of the domain document). */
const CATEGORY_WEIGHTS: [string, number][] = [['7', 55], ['6', 10], ['5', 6], ['4', 14], ['2', 6], ['3', 5], ['1', 4]];

export const pickCategory = (random: Random): string => {
  let roll = random.int(1, CATEGORY_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0));
  for (const [code, weight] of CATEGORY_WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return code;
  }
  return '7';
};

export const wardCode = (index: number): string => `W${String(index + 1).padStart(2, '0')}`;

export const person = (random: Random, serial: number, ward: string) => {
  const female = random.chance(0.5);
  const year = random.int(1950, 2000);
  const middle = female ? 'Thị' : random.pick(MIDDLE.filter((name) => name !== 'Thị'));
  return {
    // CCCD: province 020 (Lạng Sơn), century-and-sex digit, year, then a serial.
    citizenId: `020${female ? 1 : 0}${String(year).slice(2)}${String(serial).padStart(6, '0')}`,
    fullName: `${random.pick(FAMILY)} ${middle} ${random.pick(GIVEN)}`,
    dateOfBirth: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    ward,
    address: `Số ${random.int(1, 200)} ${random.pick(STREETS)}, ${ward}`,
    phone: `09${String(random.int(10_000_000, 99_999_999))}`,
    bankAccount: random.chance(0.3) ? String(random.int(100_000_000, 999_999_999)) : undefined,
  };
};

const months = (random: Random): string[] => (['2020-04', '2020-05', '2020-06'] as const).slice(random.int(0, 2));

export const claimFor = (category: string, random: Random): Record<string, unknown> => {
  switch (category) {
    case '1': {
      const claimed = months(random);
      return { months: claimed, employerName: `Công ty TNHH ${random.pick(GIVEN)} Lạng Sơn`, suspensionStart: `${claimed[0]}-01`, suspensionEnd: '2020-06-30', socialInsured: true, employerUnableToPay: true };
    }
    case '2': {
      const claimed = months(random);
      // The provincial closure decision it was suspended under: without it, fraud rule F7 flags the claim.
      return { months: claimed, businessName: `Quán ${random.pick(GIVEN)}`, revenue2020: random.int(20, 99) * 1_000_000, suspendedFrom: `${claimed[0]}-01`, closureDecisionRef: '1010/QĐ-UBND' };
    }
    case '3': {
      const claimed = months(random);
      return { months: claimed, contractSignedOn: '2019-03-01', terminatedOn: `${claimed[0]}-0${random.int(1, 9)}`, socialInsured: true, receivingUnemploymentBenefit: false, monthlyIncome: random.int(0, 1_200_000) };
    }
    case '4': {
      const claimed = months(random);
      const occupation = random.pick(['street-vendor', 'waste-collector', 'porter', 'motorbike-taxi', 'lottery-seller', 'household-business-worker']);
      return { months: claimed, occupation, jobLostOn: `${claimed[0]}-01`, monthlyIncome: random.int(0, 1_200_000) };
    }
    case '5':
      return { allowanceRegisterNo: `NCC-${random.int(1000, 9999)}` };
    case '6':
      return { socialAssistanceRegisterNo: `BTXH-${random.int(1000, 9999)}` };
    default:
      return { povertyListRef: `QĐ-HN-2019/${random.int(1, 300)}`, householdMembers: random.int(1, 9), listStatus: random.pick(['poor', 'near-poor']) };
  }
};
