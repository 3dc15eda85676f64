/** As stored before version 2 (the pilot): the reviewer under `reviewerId`, minutes under `minutes`. */
export interface SupportApplicationReviewedV1 {
  applicationId: string;
  step: string;
  reviewerId: string;
  minutes?: string;
  note?: string;
  reviewedAt: string;
}
