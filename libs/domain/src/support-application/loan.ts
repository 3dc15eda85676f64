import type { FieldError } from '../common/domain-error';
import { isMonth } from '../common/month';
import type { CategoryDefinition, LoanTerms } from '../programme/programme-definition';
import type { Claim, LoanWorker } from './support-application.events';

const fieldError = (field: string, message: string, params?: FieldError['params']): FieldError => ({ field: `claim.${field}`, message, ...(params ? { params } : {}) });
const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/**
 * The employer's furloughed workers (category 8): each with a citizen ID, a name and the months
 * the loan pays their wages for, at most the category's month cap; no worker twice.
 */
export const claimedWorkers = (category: CategoryDefinition, loan: LoanTerms, raw: unknown, errors: FieldError[]): LoanWorker[] => {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > loan.workers.max) {
    errors.push(fieldError('workers', 'workers.count', { max: loan.workers.max }));
    return [];
  }
  const workers: LoanWorker[] = [];
  raw.forEach((worker: unknown, i: number) => {
    const w = (typeof worker === 'object' && worker !== null ? worker : {}) as Record<string, unknown>;
    const months = w.months;
    const monthsValid = Array.isArray(months) && months.length > 0 && months.every(isMonth) && new Set(months).size === months.length;
    const problems = [!text(w.citizenId, 20) && 'citizenId', !text(w.fullName, 200) && 'fullName', !monthsValid && 'months'].filter(Boolean) as string[];
    const unknown = Object.keys(w).filter((key) => !['citizenId', 'fullName', 'months'].includes(key));
    if (problems.length > 0 || unknown.length > 0) {
      errors.push(fieldError(`workers[${i}]`, 'workers.incomplete', { fields: [...problems, ...unknown] }));
      return;
    }
    if ((months as string[]).length > category.maxMonths) {
      errors.push(fieldError(`workers[${i}].months`, 'workers.month-cap', { max: category.maxMonths }));
      return;
    }
    workers.push({ citizenId: (w.citizenId as string).trim(), fullName: (w.fullName as string).trim(), months: [...(months as string[])].sort() });
  });
  if (new Set(workers.map((worker) => worker.citizenId)).size !== workers.length) errors.push(fieldError('workers', 'workers.repeated'));
  return workers;
};

/** The months a loan covers: every month some worker is listed for. */
export const workerMonths = (workers: readonly LoanWorker[]): string[] => [...new Set(workers.flatMap((worker) => worker.months))].sort();

/**
 * What one worker-month may borrow: the programme's share (NQ 42: 50 %) of the regional minimum
 * wage of the employer's region; 0 for a region the programme does not list.
 */
export const loanPerWorkerMonth = (loan: LoanTerms, claim: Claim): number => {
  const wage = loan.regionalMinimumWages[String(claim[loan.regionField])] ?? 0;
  return Math.floor((wage * loan.wageSharePercent) / 100);
};

/** The loan: per worker, the share of the regional wage × the worker's months among those approved, summed. */
export const loanAmount = (loan: LoanTerms, claim: Claim, months: readonly string[]): number => {
  const each = loanPerWorkerMonth(loan, claim);
  return (claim.workers ?? []).reduce((sum, worker) => sum + each * worker.months.filter((month) => months.includes(month)).length, 0);
};

/** `worker|month`: one disbursement, made once. */
export const disbursementKey = (worker: string, month: string): string => `${worker}|${month}`;


/** A loan claim states its months per worker; a months list, where given, must be theirs. */
export const checkLoanMonths = (raw: unknown, workers: readonly LoanWorker[], errors: FieldError[]): void => {
  if (raw === undefined) return;
  if (!Array.isArray(raw) || [...raw].sort().join() !== workerMonths(workers).join()) errors.push(fieldError('months', 'workers.months-differ', { months: workerMonths(workers) }));
};
