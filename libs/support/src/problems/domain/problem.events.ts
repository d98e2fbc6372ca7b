/*
 * Stored event schema of the problem stream (`problem-<id>`). Version it, never edit it: a changed
 * payload is a new schemaVersion plus an upcaster. Dates are business dates 'YYYY-MM-DD' (Asia/Shanghai).
 */
import type { DomainEvent } from '@app/event-store';

export const PROBLEM_CATEGORIES = ['融资', '用工', '用地', '审批', '政策', '市场', '物流', '科技创新', '基础设施', '其他'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
export const PROBLEM_SOURCES = ['visit', 'hotline', 'letter', 'online'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
/** 区 < 市 < 省: the level of government handling it. */
export const LEVELS = ['district', 'city', 'province'] as const;
export type Level = (typeof LEVELS)[number];
export const OUTCOMES = ['solved', 'explained_policy', 'long_term'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const ProblemEventTypes = {
  Registered: 'ProblemRegistered',
  Categorized: 'ProblemCategorized',
  Assigned: 'ProblemAssigned',
  Accepted: 'ProblemAccepted',
  Returned: 'ProblemReturned',
  ProgressReported: 'ProblemProgressReported',
  ExtensionRequested: 'ProblemExtensionRequested',
  ExtensionApproved: 'ProblemExtensionApproved',
  ExtensionRejected: 'ProblemExtensionRejected',
  Escalated: 'ProblemEscalated',
  SupervisionIssued: 'ProblemSupervisionIssued',
  Resolved: 'ProblemResolved',
  FollowedUp: 'ProblemFollowedUp',
  Reopened: 'ProblemReopened',
  Closed: 'ProblemClosed',
  Merged: 'ProblemMerged',
  /** On the target's stream, in the same atomic append as the duplicate's ProblemMerged: the target took part. */
  DuplicateMergedIn: 'ProblemDuplicateMergedIn',
  Withdrawn: 'ProblemWithdrawn',
  FlaggedOverdue: 'ProblemFlaggedOverdue',
} as const;
type E<K extends keyof typeof ProblemEventTypes, D> = DomainEvent<(typeof ProblemEventTypes)[K], D> & { businessTime: string };

export type ProblemRegistered = E<'Registered', {
  problemId: string;
  enterpriseUscc: string;
  title: string;
  description: string;
  category: ProblemCategory;
  source: ProblemSource;
  visitId: string | null;
  raisedOn: string;
}>;
export type ProblemCategorized = E<'Categorized', { from: ProblemCategory; to: ProblemCategory }>;
export type ProblemAssigned = E<'Assigned', {
  leadUnitId: string;
  coUnitIds: string[];
  level: Level;
  assignedOn: string;
  workingDays: number;
  deadline: string;
}>;
export type ProblemAccepted = E<'Accepted', { unitId: string; acceptedOn: string }>;
export type ProblemReturned = E<'Returned', { unitId: string; reason: string; returnedOn: string }>;
export type ProblemProgressReported = E<'ProgressReported', { unitId: string; note: string; reportedOn: string }>;
export type ProblemExtensionRequested = E<'ExtensionRequested', { unitId: string; workingDays: number; reason: string; requestedOn: string }>;
export type ProblemExtensionApproved = E<'ExtensionApproved', { workingDays: number; previousDeadline: string; deadline: string; approvedOn: string }>;
export type ProblemExtensionRejected = E<'ExtensionRejected', { reason: string; rejectedOn: string }>;
export type ProblemEscalated = E<'Escalated', { from: Level; to: Level; reason: string; escalatedOn: string }>;
export type ProblemSupervisionIssued = E<'SupervisionIssued', { note: string; issuedOn: string; automatic: boolean }>;
export type ProblemResolved = E<'Resolved', { outcome: Outcome; summary: string; resolvedOn: string; deadline: string }>;
export type ProblemFollowedUp = E<'FollowedUp', { satisfaction: Satisfaction; note: string; followedUpOn: string }>;
/**
 * 重办. Schema v2 gives the reopened problem its new time limit: `workingDays` counted from `reopenedOn`
 * with the working calendar. v1 events (before the rule) carried neither; their upcaster sets both to
 * null, which means what v1 meant: the previous deadline stands.
 */
export type ProblemReopened = E<'Reopened', { reason: string; reopenedOn: string; workingDays: number | null; deadline: string | null }>;
export const PROBLEM_REOPENED_SCHEMA_VERSION = 2;
export type ProblemClosed = E<'Closed', { closedOn: string }>;
export type ProblemMerged = E<'Merged', { intoProblemId: string; mergedOn: string }>;
export type ProblemDuplicateMergedIn = E<'DuplicateMergedIn', { duplicateProblemId: string; mergedOn: string }>;
export type ProblemWithdrawn = E<'Withdrawn', { requestedBy: string; reason: string; withdrawnOn: string }>;
/** Raised by the daily overdue check, once per deadline: an extension gives a new deadline to watch. */
export type ProblemFlaggedOverdue = E<'FlaggedOverdue', { deadline: string; flaggedOn: string; workingDaysOverdue: number }>;

export type ProblemEvent =
  | ProblemRegistered
  | ProblemCategorized
  | ProblemAssigned
  | ProblemAccepted
  | ProblemReturned
  | ProblemProgressReported
  | ProblemExtensionRequested
  | ProblemExtensionApproved
  | ProblemExtensionRejected
  | ProblemEscalated
  | ProblemSupervisionIssued
  | ProblemResolved
  | ProblemFollowedUp
  | ProblemReopened
  | ProblemClosed
  | ProblemMerged
  | ProblemDuplicateMergedIn
  | ProblemWithdrawn
  | ProblemFlaggedOverdue;

export const problemStreamId = (problemId: string) => `problem-${problemId}`;
