/** Answers "how is my ward doing?": counts and amounts per category and status. */
export interface WardDashboardRow {
  ward: string;
  category: string;
  status: string;
  applications: number;
  claimedAmount: number;
  approvedAmount: number;
  paidAmount: number;
  recoveryOrderedAmount: number;
  recoveredAmount: number;
}
