import type { StepDefinition } from '../../api/types';
import type { ActionTarget } from './action-target';

/** What the officer filled in: field name → text, and the claimed months unticked for approval. */
export interface StepForm {
  values: Record<string, string>;
  excludedMonths: string[];
}

/** Fields the step forms show; any other field the API names is listed under the form. */
export const STEP_FORM_FIELDS = ['outcome', 'decision', 'approvedMonths', 'reason', 'minutesRef', 'reference', 'decisionNo', 'postedFrom', 'postedUntil', 'method', 'payee', 'amount'];

export const amountOwed = (target: ActionTarget): number => Math.max(0, target.approvedAmount - target.paidAmount);

/** The endpoint and body for the awaited step: the named endpoints where the contract has them, else /steps/{name}. */
export const stepRequest = (target: ActionTarget, step: StepDefinition, form: StepForm): { path: string; body: Record<string, unknown> } => {
  const value = (name: string, fallback = '') => form.values[name] ?? fallback;
  const optional = (name: string) => (value(name).trim() ? value(name).trim() : undefined);
  const base = `/applications/${encodeURIComponent(target.id)}`;
  if (step.name === 'village-review') {
    return { path: `${base}/village-review`, body: { outcome: value('outcome', 'confirmed'), minutesRef: optional('minutesRef'), reason: optional('reason') } };
  }
  if (step.name === 'ward-approval') {
    const decision = value('decision', 'approved');
    const claimed = target.claim?.months ?? [];
    // All claimed months unless some were unticked: then exactly the ticked ones.
    const approvedMonths = decision === 'approved' && form.excludedMonths.length > 0 ? claimed.filter((month) => !form.excludedMonths.includes(month)) : undefined;
    return { path: `${base}/ward-approval`, body: { decision, reason: optional('reason'), approvedMonths } };
  }
  if (step.kind === 'payment') {
    return { path: `${base}/payment`, body: { amount: amountOwed(target), method: value('method', 'cash'), reference: value('reference'), payee: optional('payee') } };
  }
  return {
    path: `${base}/steps/${encodeURIComponent(step.name)}`,
    body: {
      outcome: value('outcome', 'completed'),
      reason: optional('reason'),
      reference: optional('reference'),
      decisionNo: step.kind === 'decision' ? optional('decisionNo') : undefined,
      postedFrom: step.kind === 'posting' ? optional('postedFrom') : undefined,
      postedUntil: step.kind === 'posting' ? optional('postedUntil') : undefined,
    },
  };
};

export const isRejecting = (form: StepForm): boolean => ['not-eligible', 'rejected'].includes(form.values.outcome ?? '') || form.values.decision === 'rejected';
