import { createHash } from 'node:crypto';
import type { FraudRuleId } from '@lib/domain';
import type { AlertMember } from '../alert-members';
import { uniqueReasons, type AlertReason } from './alert-reason';

/**
 * What a detector concludes: a rule broken by some applications, about a subject (an
 * application, a person, a shared bank account…). One alert per (rule, subject); the same
 * finding found again, or grown, updates that alert.
 */
export interface Finding {
  rule: FraudRuleId;
  subject: string;
  programmeId: string;
  programmeVersion: number;
  applicationIds: string[];
  wards: string[];
  /** Global positions of the events that show it. */
  evidence: number[];
  /** Message keys and params (alert-reason.ts), worded in the reader's language by the API and the console. */
  reasons: AlertReason[];
  /** Structured evidence (F20: which applications matched, on what, with what score), for rendering in the reader's language. */
  details?: Record<string, unknown> | null;
  /**
   * For an alert that grows without bound (F17; F13 on an account, phone or address; F20): its
   * applications, kept in rows of their own instead of the alert's arrays (alert-members.ts).
   */
  members?: AlertMember[];
  /** The event at which the rule first held, and its business time. */
  raisedPosition: number;
  raisedAt: string;
  /** The latest evidence, and its business time. */
  updatedPosition: number;
  updatedAt: string;
}

/** Stable across rebuilds, so an inspector's resolution stream keeps naming the same alert. */
export const alertIdOf = (rule: string, subject: string): string => {
  const hex = createHash('sha256').update(`${rule}\u0000${subject}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export interface Evidence {
  applicationId: string;
  ward: string;
  position: number;
  at: string;
}

/** Pieces of evidence as an alert's members: which application, at which event. */
export const membersOf = (evidence: readonly Evidence[]): AlertMember[] => evidence.map(({ applicationId, position }) => ({ applicationId, position }));

const sortedUnique = <T>(values: readonly T[]): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** A finding from its pieces of evidence; `raisedBy` is the piece at which the rule first held. */
export const findingOf = (
  rule: FraudRuleId,
  subject: string,
  programme: { id: string; version: number },
  evidence: readonly Evidence[],
  reasons: readonly AlertReason[],
  raisedBy: Evidence = [...evidence].sort((a, b) => a.position - b.position)[0],
): Finding => {
  const latest = [...evidence].sort((a, b) => b.position - a.position)[0];
  return {
    rule,
    subject,
    programmeId: programme.id,
    programmeVersion: programme.version,
    applicationIds: sortedUnique(evidence.map((piece) => piece.applicationId)),
    wards: sortedUnique(evidence.map((piece) => piece.ward)),
    evidence: [...new Set(evidence.map((piece) => piece.position))].sort((a, b) => a - b),
    reasons: uniqueReasons(reasons),
    raisedPosition: raisedBy.position,
    raisedAt: raisedBy.at,
    updatedPosition: latest.position,
    updatedAt: latest.at,
  };
};
