/** Stream ids in the log; stored with every event, so renaming one orphans history. */
export const SUPPORT_APPLICATION_STREAM_PREFIX = 'support-application-';
export const BENEFICIARY_STREAM_PREFIX = 'beneficiary-';

export const supportApplicationStream = (applicationId: string): string => `${SUPPORT_APPLICATION_STREAM_PREFIX}${applicationId}`;
export const beneficiaryStream = (beneficiaryKey: string): string => `${BENEFICIARY_STREAM_PREFIX}${beneficiaryKey}`;

/** An inspector's resolutions of one fraud alert. */
export const FRAUD_ALERT_STREAM_PREFIX = 'fraud-alert-';
export const fraudAlertStream = (alertId: string): string => `${FRAUD_ALERT_STREAM_PREFIX}${alertId}`;

/** A ward's list (danh sách) for one step, and the province's decisions over many lists. */
export const SUPPORT_LIST_STREAM_PREFIX = 'support-list-';
export const supportListStream = (listId: string): string => `${SUPPORT_LIST_STREAM_PREFIX}${listId}`;
export const PROVINCIAL_DECISION_STREAM_PREFIX = 'provincial-decision-';
export const provincialDecisionStream = (decisionId: string): string => `${PROVINCIAL_DECISION_STREAM_PREFIX}${decisionId}`;
/** One imported spreadsheet: its id is derived from the file and the ward, so a repeat lands on it. */
export const SUPPORT_IMPORT_STREAM_PREFIX = 'support-import-';
export const supportImportStream = (importId: string): string => `${SUPPORT_IMPORT_STREAM_PREFIX}${importId}`;
/** One returned payment list (post office or bank): its id is derived from the file and the ward. */
export const PAYMENT_RETURN_STREAM_PREFIX = 'payment-return-';
export const paymentReturnStream = (importId: string): string => `${PAYMENT_RETURN_STREAM_PREFIX}${importId}`;
