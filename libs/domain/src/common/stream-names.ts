/** Stream ids in the log; stored with every event, so renaming one orphans history. */
export const SUPPORT_APPLICATION_STREAM_PREFIX = 'support-application-';
export const BENEFICIARY_STREAM_PREFIX = 'beneficiary-';

export const supportApplicationStream = (applicationId: string): string => `${SUPPORT_APPLICATION_STREAM_PREFIX}${applicationId}`;
export const beneficiaryStream = (beneficiaryKey: string): string => `${BENEFICIARY_STREAM_PREFIX}${beneficiaryKey}`;

/** An inspector's resolutions of one fraud alert. */
export const FRAUD_ALERT_STREAM_PREFIX = 'fraud-alert-';
export const fraudAlertStream = (alertId: string): string => `${FRAUD_ALERT_STREAM_PREFIX}${alertId}`;
