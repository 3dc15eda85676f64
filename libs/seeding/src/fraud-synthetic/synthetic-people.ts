import type { Applicant, ProgrammeDefinition } from '@lib/domain';
import { Random, pickCategory } from '../demo/demo-data';
import { workingDayFrom } from './synthetic-application';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vi', 'Lương', 'Hà', 'Nông', 'Lộc', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Mã', 'Chu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam', 'Phương', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const STREETS = ['Trần Đăng Ninh', 'Lê Lợi', 'Bà Triệu', 'Hùng Vương', 'Tam Thanh', 'Ngô Quyền', 'Lý Thái Tổ', 'Phai Vệ', 'Bắc Sơn', 'Văn Vỉ'];
const OCCUPATIONS = ['street-vendor', 'waste-collector', 'porter', 'motorbike-taxi', 'lottery-seller', 'household-business-worker'];

export const wardOf = (index: number): string => `W${String(index + 1).padStart(3, '0')}`;

/**
 * Realistic people of one province: a unique CCCD (province 020), phone and house per person, a
 * bank account for some; serials make them distinct, so clean data has no accidental cluster.
 */
export const syntheticPerson = (random: Random, serial: number, ward: string): Applicant => {
  const female = random.chance(0.5);
  const year = random.int(1950, 2000);
  return {
    citizenId: `020${female ? 1 : 0}${String(year).slice(2)}${String(serial).padStart(6, '0')}`,
    fullName: `${random.pick(FAMILY)} ${female ? 'Thị' : 'Văn'} ${random.pick(GIVEN)}`,
    dateOfBirth: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    ward,
    address: `Số ${(serial % 400) + 1} ngõ ${Math.floor(serial / 400) + 1} ${random.pick(STREETS)}, ${ward}`,
    phone: `09${String(10_000_000 + serial).padStart(8, '0')}`,
    ...(random.chance(0.3) ? { bankAccount: `0451${String(serial).padStart(9, '0')}` } : {}),
  };
};

const MONTHS = ['2020-04', '2020-05', '2020-06'];

/** Months from a first month to June, as monthly categories claim them. */
export const monthsFrom = (first: string, count = 3): string[] => MONTHS.slice(MONTHS.indexOf(first), MONTHS.indexOf(first) + count);

/** A claim every condition of the category accepts, for months starting at `first`. */
export const cleanClaim = (category: string, random: Random, serial: number, months: string[]): Record<string, unknown> => {
  const first = months[0];
  switch (category) {
    case '1':
      return { months, employerName: `Công ty TNHH May ${random.pick(GIVEN)}`, suspensionStart: `${first}-01`, suspensionEnd: '2020-06-30', socialInsured: true, employerUnableToPay: true };
    case '2':
      return { months, businessName: `Quán ${random.pick(GIVEN)}`, taxCode: `49${String(serial).padStart(8, '0')}`, revenue2020: random.int(20, 99) * 1_000_000, suspendedFrom: `${first}-01`, closureDecisionRef: '1010/QĐ-UBND' };
    case '3':
      return { months, contractSignedOn: '2019-03-01', terminatedOn: `${first}-0${random.int(1, 9)}`, socialInsured: true, receivingUnemploymentBenefit: false, monthlyIncome: random.int(0, 1_200_000) };
    case '4':
      return { months, occupation: random.pick(OCCUPATIONS), jobLostOn: `${first}-01`, monthlyIncome: random.int(0, 1_200_000), residence: 'permanent' };
    case '5':
      return { allowanceRegisterNo: `NCC-${random.int(1000, 9999)}` };
    case '6':
      return { socialAssistanceRegisterNo: `BTXH-${random.int(1000, 9999)}` };
    default:
      return { povertyListRef: `QĐ-HN-2019/${random.int(1, 300)}`, householdMembers: random.int(1, 9), listStatus: random.pick(['poor', 'near-poor']) };
  }
};

/** Intake after the 15th of the first month claimed (QĐ 15, category 4), on a working day. */
export const intakeDayFor = (category: string, months: string[], random: Random, programme: ProgrammeDefinition): string => {
  // An informal worker files after the 15th of each month claimed (QĐ 15, F9): so of the last one.
  const month = ['5', '6', '7'].includes(category) ? random.pick(MONTHS) : category === '4' ? months[months.length - 1] : months[0];
  return workingDayFrom(`${month}-${String(random.int(16, 26)).padStart(2, '0')}`, programme);
};

export interface CleanDraw {
  category: string;
  months: string[];
  claim: Record<string, unknown>;
  intakeDay: string;
}

/** Category (weighted as Lạng Sơn's lists), months and claim of one clean application. */
export const drawClean = (random: Random, serial: number, programme: ProgrammeDefinition, category = pickCategory(random)): CleanDraw => {
  // A furlough from June could not last the month the law asks for within the window.
  const months = ['5', '6', '7'].includes(category) ? MONTHS : monthsFrom(random.pick(category === '1' ? MONTHS.slice(0, 2) : MONTHS));
  return { category, months, claim: cleanClaim(category, random, serial, months), intakeDay: intakeDayFor(category, months, random, programme) };
};
