import type { UpcasterTable } from '../common/upcasting';
import type { SupportApplicationEvent, SupportApplicationReviewed } from './support-application.events';
import type { SupportApplicationReviewedV1 } from './events/legacy/support-application-reviewed.v1';

export const supportApplicationUpcasters: UpcasterTable<SupportApplicationEvent> = {
  SupportApplicationReviewed: {
    1: (v1: SupportApplicationReviewedV1): SupportApplicationReviewed['data'] => ({
      applicationId: v1.applicationId,
      step: v1.step,
      outcome: 'confirmed',
      minutesRef: v1.minutes,
      reason: v1.note,
      reviewedBy: v1.reviewerId,
      reviewedAt: v1.reviewedAt,
    }),
  },
};
