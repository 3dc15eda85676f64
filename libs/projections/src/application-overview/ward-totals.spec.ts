import type { ApplicationOverviewRow } from './application-overview.entity';
import { wardTotalDeltas } from './ward-totals';

const row = (status: string, amounts: Partial<ApplicationOverviewRow> = {}, ward = 'W01'): ApplicationOverviewRow =>
  ({ ward, category: '7', status, claimedAmount: 1_000_000, approvedAmount: 0, paidAmount: 0, recoveryOrderedAmount: 0, recoveredAmount: 0, ...amounts }) as ApplicationOverviewRow;

describe('wardTotalDeltas', () => {
  it('moves a row from its old status to its new one, amounts with it', () => {
    expect(wardTotalDeltas([{ before: row('submitted'), after: row('paid', { approvedAmount: 1_000_000, paidAmount: 1_000_000 }) }])).toEqual([
      { ward: 'W01', category: '7', status: 'submitted', applications: -1, claimedAmount: -1_000_000, approvedAmount: 0, paidAmount: 0, recoveryOrderedAmount: 0, recoveredAmount: 0 },
      { ward: 'W01', category: '7', status: 'paid', applications: 1, claimedAmount: 1_000_000, approvedAmount: 1_000_000, paidAmount: 1_000_000, recoveryOrderedAmount: 0, recoveredAmount: 0 },
    ]);
  });

  it('adds a new row, and leaves out a change that moves nothing the totals count', () => {
    expect(wardTotalDeltas([{ before: undefined, after: row('submitted', {}, 'W02') }, { before: row('in-progress'), after: row('in-progress') }])).toEqual([
      { ward: 'W02', category: '7', status: 'submitted', applications: 1, claimedAmount: 1_000_000, approvedAmount: 0, paidAmount: 0, recoveryOrderedAmount: 0, recoveredAmount: 0 },
    ]);
  });

  it('keeps an amount that moved within one status', () => {
    expect(wardTotalDeltas([{ before: row('paid', { paidAmount: 1_000_000 }), after: row('paid', { paidAmount: 1_000_000, recoveredAmount: 500_000 }) }])).toEqual([
      { ward: 'W01', category: '7', status: 'paid', applications: 0, claimedAmount: 0, approvedAmount: 0, paidAmount: 0, recoveryOrderedAmount: 0, recoveredAmount: 500_000 },
    ]);
  });
});
