import { fraudRule, type ProgrammeDefinition } from '@lib/domain';
import { loanWorkersOf, monthsHeld, type GroupFacts } from '../case-facts';
import { reason } from './alert-reason';
import { findingOf, type Evidence, type Finding } from './finding';

/** The furlough support an employer loan must not double (NQ 42: wages lent for the months the worker is furloughed). */
export const FURLOUGH_CATEGORY = '1';

const heldPiece = (facts: GroupFacts): Evidence => {
  const position = facts.heldFrom!;
  const at = facts.approval?.position === position ? facts.approval.at : (facts.payments.find((payment) => payment.position === position)?.at ?? facts.submittedAt);
  return { applicationId: facts.applicationId, ward: facts.ward, position, at };
};

/** Both held at some moment: neither was given back before the other started. */
const heldTogether = (a: GroupFacts, b: GroupFacts): boolean =>
  (a.heldUntil === null || a.heldUntil > b.heldFrom!) && (b.heldUntil === null || b.heldUntil > a.heldFrom!);

/**
 * F19: a worker listed on an employer loan (category 8) whose wages it lends for a month, and
 * who also holds category 1 furlough support for that month. Pure: `apps` are the worker's own
 * applications and the loans that list them, under one programme. The details name the loan,
 * the support and the months, for rendering in the reader's language.
 */
export const detectLoanWorker = (worker: string, apps: readonly GroupFacts[], programme: ProgrammeDefinition): Finding[] => {
  if (!fraudRule(programme.fraudRules, 'F19')) return [];
  const held = apps.filter((facts) => facts.heldFrom !== null);
  const supports = held.filter((facts) => facts.category === FURLOUGH_CATEGORY && facts.citizenId === worker);
  const pairs = held.flatMap((loan) => {
    const listed = loanWorkersOf(loan).find((candidate) => candidate.citizenId === worker);
    if (!listed) return [];
    const lent = listed.months.filter((month) => monthsHeld(loan).includes(month));
    return supports.flatMap((support) => {
      const months = lent.filter((month) => monthsHeld(support).includes(month)).sort();
      return months.length > 0 && heldTogether(loan, support) ? [{ loan, support, months }] : [];
    });
  });
  if (pairs.length === 0) return [];
  const members = [...new Map(pairs.flatMap(({ loan, support }) => [loan, support]).map((facts) => [facts.applicationId, facts])).values()];
  const evidence = members.map(heldPiece);
  // Raised when the second of the first pair came to be held.
  const raisedBy = pairs.map(({ loan, support }) => [heldPiece(loan), heldPiece(support)].sort((a, b) => b.position - a.position)[0]).sort((a, b) => a.position - b.position)[0];
  const reasons = pairs.map(({ loan, support, months }) => reason('alert.loan-worker-furloughed', { worker, loan: loan.applicationId, support: support.applicationId, months }));
  const finding = findingOf('F19', `loan-worker:${worker}:${programme.id}`, programme, evidence, reasons, raisedBy);
  return [{
    ...finding,
    details: {
      kind: 'loan-worker-also-furlough-supported',
      worker,
      pairs: pairs.map(({ loan, support, months }) => ({ loanApplicationId: loan.applicationId, supportApplicationId: support.applicationId, months })),
      months: [...new Set(pairs.flatMap(({ months }) => months))].sort(),
    },
  }];
};
