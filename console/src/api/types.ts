import type { components } from './schema';

/** The API's shapes, as its OpenAPI document gives them (schema.d.ts is generated from it). */
type Schemas = components['schemas'];

export type ApplicationView = Schemas['ApplicationResponse'];
export type ApplicationStatus = ApplicationView['status'];
export type ApplicationSummary = Schemas['ApplicationSummaryResponse'];
export type ApplicationPage = Schemas['ApplicationPageResponse'];
export type HistoryEvent = Schemas['HistoryEventResponse'];
export type History = Schemas['HistoryResponse'];
export type StateAt = Schemas['StateAtResponse'];
export type CommandResult = Schemas['CommandResultResponse'];
export type SubmitResult = Schemas['SubmitResultResponse'];
export type ApplicationWarning = Schemas['ApplicationWarningResponse'];

export type Programme = Schemas['ProgrammeResponse'];
export type ProgrammeList = Schemas['ProgrammeListResponse'];
export type Category = Schemas['CategoryResponse'];
export type ClaimField = Schemas['ClaimFieldResponse'];
export type StepDefinition = Schemas['StepResponse'];
export type FraudRule = Schemas['FraudRuleResponse'];
export type Label = Schemas['LabelResponse'];
export type Role = StepDefinition['role'];

export type Alert = Schemas['AlertResponse'];
export type AlertPage = Schemas['AlertPageResponse'];
export type AlertStatus = Alert['status'];
export type AlertResolution = NonNullable<Alert['resolution']>;
export type Severity = Alert['severity'];

export type WardDashboard = Schemas['WardDashboardResponse'];
export type CategoryAmounts = Schemas['CategoryAmountsResponse'];
export type Beneficiary = Schemas['BeneficiaryResponse'];
export type BeneficiaryApplication = Schemas['BeneficiaryApplicationResponse'];
export type Payment = Schemas['PaymentResponse'];
export type OverdueItem = Schemas['OverdueStepResponse'];
export type OverduePage = Schemas['OverdueStepsPageResponse'];
export type OfficerActivity = Schemas['OfficerActivityResponse'];

export type ImportResult = Schemas['ImportResponse'];
export type ImportReportEntry = Schemas['ImportReportEntryResponse'];
export type ImportProgress = Schemas['ImportProgressResponse'];
export type PaymentReturn = Schemas['PaymentReturnResponse'];
export type Reconciliation = Schemas['ReconciliationResponse'];
export type SupportList = Schemas['ListResponse'];
export type ListCommandResult = Schemas['ListCommandResponse'];
export type ListActResult = Schemas['ListActResponse'];
export type ListApplication = Schemas['ListApplicationResponse'];
export type ListApplications = Schemas['ListApplicationsResponse'];
export type ListStepBody = Schemas['ListStepRequest'];

export type DevSignInInfo = Schemas['DevSignInInfoResponse'];
export type DevToken = Schemas['DevTokenResponse'];
export type FieldError = Schemas['FieldErrorResponse'];

export type SubmitApplicationBody = Schemas['SubmitApplicationRequest'];
export type VillageReviewBody = Schemas['VillageReviewRequest'];
export type WardApprovalBody = Schemas['WardApprovalRequest'];
export type StepBody = Schemas['StepRequest'];
export type PaymentBody = Schemas['PaymentRequest'];
export type RecoveryBody = Schemas['RecoveryRequest'];
export type WithdrawalBody = Schemas['WithdrawalRequest'];
export type ResolutionBody = Schemas['ResolutionRequest'];
export type DevTokenBody = Schemas['DevTokenRequest'];
