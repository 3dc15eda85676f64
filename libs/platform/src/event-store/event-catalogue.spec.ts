import { createEventTypeRegistry } from './event-catalogue';

describe('the event catalogue', () => {
  it('relief-ledger registers SupportApplicationReviewed at v2 with its upcaster', () => {
    const registry = createEventTypeRegistry();
    expect(registry.currentVersion('SupportApplicationReviewed')).toBe(2);
    expect(registry.upcast('SupportApplicationReviewed', 1, { applicationId: 'a', step: 's', reviewerId: 'r', reviewedAt: 't' })).toEqual({
      applicationId: 'a',
      step: 's',
      outcome: 'confirmed',
      reviewedBy: 'r',
      reviewedAt: 't',
    });
  });
});
