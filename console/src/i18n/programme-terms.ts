import { createContext, useContext, useMemo } from 'react';
import type { FraudRule, Label, Programme } from '../api/types';
import { useI18n, type Lang } from './i18n';

/**
 * Programme terms in the reader's language, from the definitions the API serves
 * (GET /programmes): category titles, step names, claim fields and their values, fraud rules.
 * A code the definitions do not label is shown as it is.
 */
export interface ProgrammeTerms {
  /** `4. Informal workers who lost their job`. */
  category: (programmeId: string, code: string) => string;
  step: (name: string | null | undefined) => string;
  field: (name: string) => string;
  value: (field: string, value: string) => string;
  rule: (id: string) => string;
  /** A rule's legal basis in the reader's language; undefined where the definitions give none. */
  ruleLegalBasis: (id: string) => string | undefined;
  /** The rules of every programme, F1…F19 order, one per id. */
  rules: FraudRule[];
  programme: (id: string) => string;
}

const pick = (label: Label | undefined, lang: Lang): string | undefined => label?.[lang];

export const makeProgrammeTerms = (programmes: readonly Programme[], lang: Lang): ProgrammeTerms => {
  const steps = new Map<string, string>();
  const fields = new Map<string, string>();
  const values = new Map<string, string>();
  for (const programme of programmes) {
    for (const category of programme.categories) {
      for (const step of category.steps) if (step.label && !steps.has(step.name)) steps.set(step.name, step.label[lang]);
      for (const field of category.claimFields) {
        if (field.label && !fields.has(field.name)) fields.set(field.name, field.label[lang]);
        for (const [value, label] of Object.entries(field.valueLabels ?? {})) values.set(`${field.name}=${value}`, label[lang]);
      }
    }
  }
  const rules = new Map<string, FraudRule>();
  for (const programme of programmes) for (const rule of programme.fraudRules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  return {
    category: (programmeId, code) => {
      const programme = programmes.find((candidate) => candidate.id === programmeId) ?? programmes[0];
      const category = programme?.categories.find((candidate) => candidate.code === code);
      const title = pick(category?.label, lang) ?? category?.title;
      return title ? `${code}. ${title}` : code;
    },
    step: (name) => (name ? (steps.get(name) ?? name) : '—'),
    field: (name) => fields.get(name) ?? name,
    value: (field, value) => values.get(`${field}=${value}`) ?? value,
    rule: (id) => pick(rules.get(id)?.label, lang) ?? rules.get(id)?.title ?? id,
    ruleLegalBasis: (id) => pick(rules.get(id)?.legalBasisLabel, lang) ?? rules.get(id)?.legalBasis,
    rules: [...rules.values()],
    programme: (id) => pick(programmes.find((candidate) => candidate.id === id)?.label, lang) ?? id,
  };
};

/** The programme definitions of the signed-in session (app/ProgrammesProvider.tsx loads them). */
export const ProgrammesContext = createContext<readonly Programme[]>([]);

export const useProgrammes = (): readonly Programme[] => useContext(ProgrammesContext);

export const useProgrammeTerms = (): ProgrammeTerms => {
  const programmes = useProgrammes();
  const { lang } = useI18n();
  return useMemo(() => makeProgrammeTerms(programmes, lang), [programmes, lang]);
};
