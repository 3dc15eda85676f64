import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainErrorCode } from '@lib/domain';
import { ALERT_REASON_KEYS } from '@lib/projections';
import { en } from './en';
import { negotiateLanguage } from './language';
import { CATALOGUES, MessageRenderer } from './message-renderer';
import { vi } from './vi';

const DOMAIN = join(__dirname, '../../../../../libs/domain/src');

/** Checks of a programme definition at start-up: words for the operator who wrote the file, not refusals an officer sees. */
const DEFINITION_CHECKS = ['validate-programme.ts', 'programme-label.ts', 'fraud-rules.ts'];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !DEFINITION_CHECKS.includes(name) ? [path] : [];
  });

/** Where the domain names a refusal's words: the first argument of a DomainError, a field error's message, a claim refusal, a key default. */
const KEY_PLACES = [
  /new (?:InvalidTransition|DuplicateSupport|NotPermitted|ApplicationNotFound|ProgrammeNotFound|AmountMismatch)\(\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g,
  /new AmountMismatch\([^;]*?,\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1\s*\)/g,
  /\bmessage:\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g,
  /fieldError\([^,]+,\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g,
  /return \[\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g,
  /\bsuper\(\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g,
  /\bkey = (['`])((?:(?!\1)[^\\]|\\.)*)\1/g,
];

const keysUsedByTheDomain = (): { key: string; file: string }[] =>
  sources(DOMAIN).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return KEY_PLACES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ key: match[2], file: file.slice(DOMAIN.length + 1) })));
  });

const API = join(__dirname, '../..');

const apiSources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === __dirname ? [] : apiSources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });

const LITERAL = String.raw`(['\x60])((?:(?!\1)[^\\]|\\.)*)\1`;

/**
 * Where the API words a refusal itself: a literal given to an HTTP exception, a `message:` (a
 * field error or a validator's message), a key given to an exception, and the refusal helpers of
 * uploads, inspection and input checks. Each must be a key of the catalogue, never a sentence.
 * (Rows of an import's report are data kept with the import, not refusals: not scanned here.)
 */
const API_PLACES = [
  new RegExp(String.raw`new \w+Exception\(\s*` + LITERAL, 'g'),
  new RegExp(String.raw`\bmessage:\s*` + LITERAL, 'g'),
  new RegExp(String.raw`Exception\(\{\s*key:\s*` + LITERAL, 'g'),
  new RegExp(String.raw`\b(?:invalid|throw refuse)\([^,()]+,\s*` + LITERAL, 'g'),
  new RegExp(String.raw`\b(?:unreadable|UnsupportedFile)\(\s*` + LITERAL, 'g'),
];

const wordsUsedByTheApi = (): { text: string; file: string }[] =>
  apiSources(API).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return API_PLACES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ text: match[2], file: file.slice(API.length + 1) })));
  });

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the API’s message catalogues', () => {
  it('find the domain’s message keys where they are given (the scan itself works)', () => {
    const keys = keysUsedByTheDomain().map((used) => used.key);
    expect(keys).toEqual(expect.arrayContaining(['step.not-now-awaiting', 'beneficiary.duplicate-support', 'claim.at-least', 'eligibility.condition', 'amount.recovery-over-paid', 'claim.invalid']));
  });

  it('have a Vietnamese and an English text for every message key the domain uses (a new refusal needs one line in each)', () => {
    const missing = keysUsedByTheDomain().filter(({ key }) => !(key in en.messages) || !(key in vi.messages) || !en.messages[key as keyof typeof en.messages].trim());
    // A sentence here is a refusal written in English inside the domain: give it a key and params instead.
    expect(missing.map(({ key, file }) => `${file}: ${key}`)).toEqual([]);
  });

  it('word every fraud alert reason a detector gives, in both languages', () => {
    const missing = ALERT_REASON_KEYS.filter((key) => !(key in en.messages) || !(key in vi.messages));
    expect(missing).toEqual([]);
  });

  it('find the API’s own refusals where they are worded (the scan itself works)', () => {
    const texts = wordsUsedByTheApi().map((used) => used.text);
    expect(texts).toEqual(expect.arrayContaining(['not-found.alert', 'field.citizen-id', 'file.zip-bomb', 'import.no-rows', 'list.too-many', 'alert.recovery-only-confirmed']));
  });

  it('word every refusal the API makes itself by a key with a text in both languages: an English literal in a controller fails here', () => {
    const missing = wordsUsedByTheApi().filter(({ text }) => !(text in en.messages) || !(text in vi.messages));
    // A sentence here is a refusal an officer would read in English only: give it a key in en.ts and vi.ts.
    expect(missing.map(({ text, file }) => `${file}: ${text}`)).toEqual([]);
  });

  it('have a title in both languages for every domain error code', () => {
    const codes: DomainErrorCode[] = ['invalid-transition', 'duplicate-support', 'amount-mismatch', 'forbidden', 'validation-failed', 'not-eligible', 'not-found'];
    for (const lang of ['vi', 'en'] as const) for (const code of codes) expect(CATALOGUES[lang].titles).toHaveProperty([code], expect.stringMatching(/\S/));
  });

  it('give the same keys and the same placeholders in vi and en, every text non-empty and different where words differ', () => {
    for (const section of ['titles', 'messages'] as const) {
      expect(Object.keys(vi[section]).sort()).toEqual(Object.keys(en[section]).sort());
      for (const [key, text] of Object.entries(en[section])) {
        const other = (vi[section] as Record<string, string>)[key];
        expect({ key, placeholders: placeholders(other) }).toEqual({ key, placeholders: placeholders(text) });
        expect(other.trim()).not.toBe('');
      }
    }
    for (const family of Object.keys(en.terms) as (keyof typeof en.terms)[]) expect(Object.keys(vi.terms[family]).sort()).toEqual(Object.keys(en.terms[family]).sort());
  });
});

describe('MessageRenderer', () => {
  const renderer = new MessageRenderer(new Map([['village-review', { vi: 'Thôn, tổ dân phố rà soát', en: 'Village review' }]]));

  it('words a refusal with months as mm/yyyy, codes as terms and steps by their labels', () => {
    const params = { step: 'ward-approval', status: 'submitted', awaiting: 'village-review' };
    expect(renderer.render('vi', 'step.not-now-awaiting', params)).toBe('chưa thể thực hiện bước “ward-approval”: hồ sơ ở trạng thái “đã tiếp nhận”, chờ bước “Thôn, tổ dân phố rà soát”');
    expect(renderer.render('en', 'step.not-now-awaiting', params)).toBe('step “ward-approval” is not allowed now: the application is submitted, awaiting “Village review”');
    expect(renderer.render('vi', 'eligibility.outside-window', { months: ['2020-07'], from: '2020-04', to: '2020-06' })).toBe('07/2020 nằm ngoài thời gian được hỗ trợ từ 04/2020 đến 06/2020');
  });

  it('groups amounts the language’s way and takes a programme’s words in the language asked', () => {
    expect(renderer.render('vi', 'amount.payment-not-owed', { expected: 1_800_000, given: 2_000_000 })).toContain('1.800.000 đồng');
    expect(renderer.render('en', 'amount.payment-not-owed', { expected: 1_800_000, given: 2_000_000 })).toContain('1,800,000 VND');
    expect(renderer.render('vi', 'eligibility.condition', { condition: { vi: 'phải có BHXH', en: 'must be insured' } })).toBe('phải có BHXH');
    expect(renderer.render('en', 'permission.role', { action: 'step', step: 'village-review', role: 'village-reviewer' })).toBe('Step “Village review” is performed by the role village reviewer');
  });

  it('words alert reasons: amounts, months and dates the language’s way, programme labels and steps in the language asked', () => {
    expect(renderer.render('vi', 'alert.paid-less-than-approved', { amount: 1_500_000, owed: 2_000_000 })).toBe('chỉ chi 1.500.000 đồng trên tổng số 2.000.000 đồng được duyệt');
    expect(renderer.render('en', 'alert.paid-less-than-approved', { amount: 1_500_000, owed: 2_000_000 })).toBe('paid 1,500,000 VND of the 2,000,000 VND approved');
    expect(renderer.render('vi', 'alert.months-outside-window', { months: ['2020-03'], from: '2020-04', to: '2020-06' })).toBe('tháng 03/2020 được duyệt nằm ngoài thời gian hỗ trợ từ 04/2020 đến 06/2020');
    expect(renderer.render('vi', 'alert.step-late', { step: 'village-review', on: '2020-05-27', due: '2020-05-26', days: 5, from: '2020-05-19' }))
      .toBe('bước “Thôn, tổ dân phố rà soát” thực hiện ngày 27/05/2020, hạn chót 26/05/2020 (5 ngày làm việc kể từ 19/05/2020)');
    const condition = { field: { vi: 'Doanh thu năm 2020', en: '2020 revenue' }, value: 150_000_000, condition: { vi: 'dưới 100 triệu đồng', en: 'below 100 million VND' } };
    expect(renderer.render('en', 'alert.condition-failed', condition)).toBe('2020 revenue “150,000,000”: below 100 million VND');
  });

  it('shows a key it has no text for as it is, rather than nothing', () => {
    expect(renderer.render('vi', 'a refusal nobody translated')).toBe('a refusal nobody translated');
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['*', 'vi'],
    ['fr-FR, de;q=0.5', 'vi'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en;q=0.5, vi;q=0.8', 'vi'],
    ['vi;q=0, en', 'en'],
    ['fr, en;q=0.3', 'en'],
  ])('%p → %s', (header, lang) => expect(negotiateLanguage(header)).toBe(lang));
});
