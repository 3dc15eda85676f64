/** What an action needs to know of an application: a summary row or the full view will do. */
export interface ActionTarget {
  id: string;
  programme: string;
  programmeVersion?: number;
  category: string;
  status: string;
  currentStep: string | null;
  version: number;
  approvedAmount: number;
  paidAmount: number;
  /** The months claimed, when known (the case page): the ward may approve some of them. */
  claim?: { months?: string[] };
}
