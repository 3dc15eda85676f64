import type { Label, MessageParam, MessageParams } from '@lib/domain';
import { en, type Catalogue } from './en';
import type { Lang } from './language';
import { vi } from './vi';

export const CATALOGUES: Record<Lang, Catalogue> = { vi: vi as Catalogue, en };

/** Params whose codes are words of the catalogue's `terms` (the role `treasurer`, the status `approved`, …). */
const TERM_FAMILY: Record<string, keyof Catalogue['terms']> = {
  role: 'role',
  roles: 'role',
  action: 'action',
  status: 'status',
  outcome: 'outcome',
};

/** Params that name steps: shown by the programme's label for the step. */
const STEP_PARAMS = new Set(['step', 'steps', 'awaiting']);

const isLabel = (value: MessageParam): value is Label => typeof value === 'object' && !Array.isArray(value) && 'vi' in value && 'en' in value;

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const NUMBERS: Record<Lang, Intl.NumberFormat> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };

export const hasMessage = (key: string): key is keyof Catalogue['messages'] => Object.hasOwn(en.messages, key);

/**
 * Turns a message key and its params into words: months as mm/yyyy, dates as dd/mm/yyyy, amounts
 * grouped the language's way, codes by the catalogue's terms, steps by the programme's labels. A
 * key without a text is shown as it is (message-catalogue.spec.ts makes sure the domain has none).
 */
export class MessageRenderer {
  constructor(private readonly stepLabels: ReadonlyMap<string, Label> = new Map()) {}

  title(lang: Lang, code: string): string {
    return (CATALOGUES[lang].titles as Record<string, string>)[code] ?? code;
  }

  render(lang: Lang, key: unknown, params: MessageParams = {}): string {
    // A framework's message may be anything; words are always a string.
    const text = typeof key === 'string' ? key : JSON.stringify(key) ?? '';
    const template = hasMessage(text) ? CATALOGUES[lang].messages[text] : text;
    return this.fill(lang, template, params && typeof params === 'object' ? params : {}, true);
  }

  private fill(lang: Lang, template: string, params: MessageParams, nested: boolean): string {
    return template.replace(/\{(\w+)\}/g, (_whole, name: string) => (params[name] === undefined ? '' : this.param(lang, name, params[name], params, nested)));
  }

  private param(lang: Lang, name: string, value: MessageParam, params: MessageParams, nested: boolean): string {
    if (isLabel(value)) return value[lang];
    if (Array.isArray(value)) return (value as readonly string[]).map((item) => this.scalar(lang, name, item, params, nested)).join(', ');
    return this.scalar(lang, name, value as string | number, params, nested);
  }

  private scalar(lang: Lang, name: string, value: string | number, params: MessageParams, nested: boolean): string {
    if (typeof value === 'number') return NUMBERS[lang].format(value);
    const family = TERM_FAMILY[name];
    const term = family ? (CATALOGUES[lang].terms[family] as Record<string, string>)[value] : undefined;
    // A term may name another param (the action "Step “{step}”"); filled once, never deeper.
    if (term !== undefined) return nested ? this.fill(lang, term, params, false) : term;
    if (STEP_PARAMS.has(name)) return this.stepLabels.get(value)?.[lang] ?? value;
    const month = MONTH.exec(value);
    if (month) return `${month[2]}/${month[1]}`;
    const date = DATE.exec(value);
    if (date) return `${date[3]}/${date[2]}/${date[1]}`;
    return value;
  }
}
