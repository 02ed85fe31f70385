/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Take a step on a case. */
export type AdvanceCaseInput = {
  action: CaseAction;
  caseId: string | number;
  /** For SUPPLEMENT: the materials as now handed in. */
  materials?: Array<CaseMaterialInput> | null | undefined;
  /** Required to reject or ask for more; the resident reads it. */
  note?: string | null | undefined;
};

/** The resident does not accept the resolution (once). */
export type AppealRatingInput = {
  followUpId: string | number;
  reason: string;
};

/** Book a slot. */
export type BookSlotInput = {
  centreCode: string;
  /** A key the app makes once per booking attempt (e.g. a UUID) and sends again on a retry: the retry returns the same booking and never books twice. */
  idempotencyKey: string;
  matterCode: string;
  /** The slot's start, as availableSlots gives it (Shanghai time). */
  start: string;
};

/** BOOKED 已预约, CHECKED_IN 已签到, CANCELLED 已取消, CANCELLED_BY_CENTRE 中心取消 (opening hours changed), NO_SHOW 爽约. */
export type BookingState =
  | 'BOOKED'
  | 'CANCELLED'
  | 'CANCELLED_BY_CENTRE'
  | 'CHECKED_IN'
  | 'NO_SHOW';

/** Call the next ticket to a window (clerks of the centre). */
export type CallNextInput = {
  centreCode: string;
  /** The letters of the queues this window serves (all when null). */
  queues?: Array<string> | null | undefined;
  window: number;
};

/** Cancel a booking, until its slot starts. */
export type CancelBookingInput = {
  bookingId: string | number;
};

/** A step a case can take (see the transition table). */
export type CaseAction =
  | 'ACCEPT'
  | 'COMPLETE'
  | 'FORWARD'
  | 'PASS_PREREVIEW'
  | 'REJECT'
  | 'REQUEST_SUPPLEMENT'
  | 'START_PROCESSING'
  | 'SUPPLEMENT'
  | 'WITHDRAW';

/** Who took a step. */
export type CaseActorKind =
  | 'RESIDENT'
  | 'STAFF'
  | 'SYSTEM';

/** ONLINE 网上申请, COUNTER 窗口, REMOTE_WINDOW 就近办 (a remote window), HOME_VISIT 上门办. */
export type CaseChannel =
  | 'COUNTER'
  | 'HOME_VISIT'
  | 'ONLINE'
  | 'REMOTE_WINDOW';

/** A material handed in. */
export type CaseMaterialInput = {
  /** An e-certificate (电子亮证) stood in for the paper. */
  byECertificate?: boolean;
  name: string;
  provided?: boolean;
};

/** SUBMITTED 已提交, PREREVIEW_PASSED 预审通过, NEEDS_SUPPLEMENT 待补正, ACCEPTED 已受理, FORWARDED 已转办, PROCESSING 办理中, COMPLETED 已办结, REJECTED 不予办理, WITHDRAWN 已撤回. */
export type CaseState =
  | 'ACCEPTED'
  | 'COMPLETED'
  | 'FORWARDED'
  | 'NEEDS_SUPPLEMENT'
  | 'PREREVIEW_PASSED'
  | 'PROCESSING'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

/** Narrow the list of centres; all given criteria must hold. */
export type CentreFilter = {
  /** District name (黄浦区) or code (310101). */
  district?: string | null | undefined;
  kind?: CentreKind | null | undefined;
  /** Free text over names and address, e.g. 五里桥. */
  search?: string | null | undefined;
};

/** CENTRE 社区事务受理服务中心; BRANCH 分中心. */
export type CentreKind =
  | 'BRANCH'
  | 'CENTRE';

/** How I may show a certificate: HOLDER 本人; PARENT 父母 (a child's birth certificate); SPOUSE 配偶 (the marriage certificate); HOUSEHOLD_MEMBER 同户成员 (the hukou booklet). Anything but HOLDER is delegate use (代亮证), and the trail names both people. */
export type CertificateRelation =
  | 'HOLDER'
  | 'HOUSEHOLD_MEMBER'
  | 'PARENT'
  | 'SPOUSE';

/** VALID 有效, EXPIRED 已过期 (past its validity), REVOKED 已注销. */
export type CertificateStatus =
  | 'EXPIRED'
  | 'REVOKED'
  | 'VALID';

/** Check a resident in at the door by their booking's code: issues their queue ticket. */
export type CheckInBookingInput = {
  /** The 8-character code, typed or scanned from the QR code. */
  code: string;
  /** The clerk marks the ticket a priority one (绿色通道). Residents aged 70 or more by their verified birth date get priority anyway. */
  priority?: boolean;
};

/** APP: in the resident's own app session; CLIENT: through a third-party app. */
export type ConsentChannel =
  | 'APP'
  | 'CLIENT';

/** A document and the version the resident read. */
export type ConsentInput = {
  document: LegalDocumentKind;
  version: string;
};

/** WORKDAY: Monday-Friday and make-up working days (调休); REST_DAY: weekends and statutory holidays. */
export type DayType =
  | 'REST_DAY'
  | 'WORKDAY';

/** E-certificates a resident can show instead of paper (电子亮证). */
export type ECertificateKind =
  | 'BIRTH_CERTIFICATE'
  | 'HUKOU_BOOKLET'
  | 'ID_CARD'
  | 'MARRIAGE_CERTIFICATE'
  | 'RESIDENCE_PERMIT';

/** Stable machine-readable error codes; the message says the same for people. */
export type ErrorCode =
  | 'ACCOUNT_DISABLED'
  | 'ALREADY_APPEALED'
  | 'ALREADY_CHECKED_IN'
  | 'ALREADY_MARKED'
  | 'ALREADY_RATED'
  | 'BOOKING_LIMIT_REACHED'
  | 'BOOKING_NOT_CHANGEABLE'
  | 'BOOKING_SUSPENDED'
  | 'CENTRE_CLOSED'
  | 'CERTIFICATE_FIELD_UNKNOWN'
  | 'CERTIFICATE_NOT_FOUND'
  | 'CERTIFICATE_NOT_VALID'
  | 'CERTIFICATE_VIEW_ALREADY_REPORTED'
  | 'CERTIFICATE_VIEW_NOT_FOUND'
  | 'CHECK_IN_CODE_INVALID'
  | 'CONSENT_REQUIRED'
  | 'CONSENT_VERSION_OUTDATED'
  | 'DUPLICATE_BOOKING'
  | 'E_LICENCE_UNAVAILABLE'
  | 'FORBIDDEN'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'ID_NUMBER_ALREADY_BOUND'
  | 'ID_NUMBER_INVALID_ADDRESS_CODE'
  | 'ID_NUMBER_INVALID_BIRTH_DATE'
  | 'ID_NUMBER_INVALID_CHARACTERS'
  | 'ID_NUMBER_INVALID_CHECKSUM'
  | 'ID_NUMBER_INVALID_LENGTH'
  | 'ID_NUMBER_INVALID_SEQUENCE'
  | 'ILLEGAL_TRANSITION'
  | 'INTERNAL_ERROR'
  | 'INTROSPECTION_DISABLED'
  | 'INVALID_COORDINATES'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_CURSOR'
  | 'INVALID_DATE'
  | 'INVALID_ID'
  | 'INVALID_INPUT'
  | 'INVALID_NAME'
  | 'INVALID_PAGINATION'
  | 'INVALID_PHONE'
  | 'MATTER_NOT_OFFERED'
  | 'MATTER_NOT_ONLINE'
  | 'MATTER_ONLINE_ONLY'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_APPEALABLE'
  | 'NOT_FOUND'
  | 'NOT_RATABLE_YET'
  | 'OPERATION_TIMEOUT'
  | 'OTP_ATTEMPTS_EXCEEDED'
  | 'OTP_EXPIRED'
  | 'OTP_INVALID'
  | 'PAGE_SIZE_TOO_LARGE'
  | 'PERSISTED_QUERY_HASH_MISMATCH'
  | 'PERSISTED_QUERY_NOT_ALLOWED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'QUERY_TOO_COSTLY'
  | 'QUERY_TOO_DEEP'
  | 'QUEUE_EMPTY'
  | 'QUEUE_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'REAL_NAME_ALREADY_VERIFIED'
  | 'REAL_NAME_MISMATCH'
  | 'REAL_NAME_REQUIRED'
  | 'REFRESH_TOKEN_EXPIRED'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'REGISTRY_UNAVAILABLE'
  | 'RESIDENT_NOT_FOUND'
  | 'RESPONSE_TOO_LARGE'
  | 'RESYNC_REQUIRED'
  | 'SESSION_REVOKED'
  | 'SLOT_FULL'
  | 'SLOT_IN_PAST'
  | 'SLOT_NOT_FOUND'
  | 'SLOT_OUT_OF_RANGE'
  | 'TICKET_NOT_ACTIONABLE'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_INVALID'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_OPERATIONS'
  | 'TOO_MANY_TOKENS'
  | 'UNAUTHENTICATED'
  | 'WINDOW_INVALID'
  | 'WINDOW_NOT_STAFFED';

/** DIRECT 直接受理: accepted on the spot; COLLECT_FORWARD 收受分离: collected here and accepted by the resident's household-registration centre. */
export type HandlingMode =
  | 'COLLECT_FORWARD'
  | 'DIRECT';

/** Where a day's hours come from: the city rule or the centre. */
export type HoursSource =
  | 'CENTRE_DATE'
  | 'CENTRE_DAY_TYPE'
  | 'CITY_RULE';

/** One indicator's level. */
export type IndicatorScoreInput = {
  indicator: RatingIndicator;
  level: RatingLevel;
};

/** A ticket for a resident without a booking (clerks of the centre). */
export type IssueWalkInTicketInput = {
  centreCode: string;
  matterCode?: string | null | undefined;
  priority?: boolean;
  /** Why priority (MARKED_BY_CLERK when priority and no reason). */
  priorityReason?: PriorityReason | null | undefined;
  /** The queue's letter; or give matterCode and the queue is found. */
  queue?: string | null | undefined;
};

/** USER_AGREEMENT 用户服务协议 and PRIVACY_POLICY 隐私政策 (accepted at sign-in); SENSITIVE_ID_NUMBER 身份证号码处理单独同意 (given with real-name verification). */
export type LegalDocumentKind =
  | 'PRIVACY_POLICY'
  | 'SENSITIVE_ID_NUMBER'
  | 'USER_AGREEMENT';

/** Mark a rating 误评 or 恶意 (the centre head, with a reason). */
export type MarkRatingInput = {
  mark: RatingMark;
  ratingId: string | number;
  reason?: string | null | undefined;
};

/** Narrow the list of matters; all given criteria must hold. */
export type MatterFilter = {
  cityWide?: boolean | null | undefined;
  departmentCode?: string | null | undefined;
  handlingMode?: HandlingMode | null | undefined;
  onlineLevel?: OnlineLevel | null | undefined;
  /** Free text over the name and summary, e.g. 居住证. */
  search?: string | null | undefined;
};

/** FULLY_ONLINE 全程网办; PREREVIEW 网上预审 (at most one visit); COUNTER 窗口办理. */
export type OnlineLevel =
  | 'COUNTER'
  | 'FULLY_ONLINE'
  | 'PREREVIEW';

/** Open a case at the counter for a resident in front of you. */
export type OpenCounterCaseInput = {
  channel?: CaseChannel;
  /** The number on the resident's ID card. */
  idNumber: string;
  materials?: Array<CaseMaterialInput>;
  matterCode: string;
};

/** Ask for a presentation (亮证) of one of my certificates. */
export type PresentCertificateInput = {
  /** ECertificate.id */
  certificate: string | number;
  /** Keys of the fields to disclose; the required ones are always added. Null: all fields. */
  fields?: Array<string> | null | undefined;
};

/** AGE_70: 70 or older by the verified birth date; MARKED_BY_CLERK: a clerk marked it (绿色通道). */
export type PriorityReason =
  | 'AGE_70'
  | 'MARKED_BY_CLERK';

/** A button pressed on the window's tablet (一次一评). */
export type RateAtCounterInput = {
  centreCode: string;
  level: RatingLevel;
  window: string;
};

/** Rate a finished case (一事一评), once. */
export type RateCaseInput = {
  caseNumber: string;
  /** At most 200 characters. */
  comment?: string | null | undefined;
  /** OVERALL, EFFICIENCY, ATTITUDE and ENVIRONMENT are required; each once. */
  indicators: Array<IndicatorScoreInput>;
};

/** ONLINE 一事一评 (a case, in the app), COUNTER 一次一评 (the window's tablet). */
export type RatingChannel =
  | 'COUNTER'
  | 'ONLINE';

/** OPEN 待整改, RESOLVED 已整改 (the resident may appeal once), APPEALED 申诉中, CLOSED 已办结. */
export type RatingFollowUpState =
  | 'APPEALED'
  | 'CLOSED'
  | 'OPEN'
  | 'RESOLVED';

/** The fixed set of indicators: OVERALL 总体评价, EFFICIENCY 办事效率, ATTITUDE 服务态度, ENVIRONMENT 服务环境 (these four always), GUIDANCE 办事指引, INTEGRITY 廉洁规范 (optional). */
export type RatingIndicator =
  | 'ATTITUDE'
  | 'EFFICIENCY'
  | 'ENVIRONMENT'
  | 'GUIDANCE'
  | 'INTEGRITY'
  | 'OVERALL';

/** VERY_SATISFIED 非常满意, SATISFIED 满意, BASICALLY_SATISFIED 基本满意, DISSATISFIED 不满意, VERY_DISSATISFIED 非常不满意. */
export type RatingLevel =
  | 'BASICALLY_SATISFIED'
  | 'DISSATISFIED'
  | 'SATISFIED'
  | 'VERY_DISSATISFIED'
  | 'VERY_SATISFIED';

/** MISTAKEN 误评, MALICIOUS 恶意评价. */
export type RatingMark =
  | 'MALICIOUS'
  | 'MISTAKEN';

/** Report a view of my certificate that I do not recognise. */
export type ReportCertificateViewInput = {
  /** What seems wrong (optional). */
  note?: string | null | undefined;
  /** CertificateView.id */
  view: string | number;
};

/** Move a booking to another slot of the same centre and matter. If the new slot is full, the old booking stays as it was. */
export type RescheduleBookingInput = {
  bookingId: string | number;
  start: string;
};

/** Resolve a follow-up, or answer the resident's appeal. */
export type ResolveRatingFollowUpInput = {
  /** The cause found. */
  cause?: string | null | undefined;
  /** How the resident was contacted (required for case ratings). */
  contactNote?: string | null | undefined;
  followUpId: string | number;
  /** What was done; when answering an appeal, the answer. */
  resolution?: string | null | undefined;
};

/** RESIDENT 居民 (verified or not); CLERK 受理员 at one centre; CENTRE_HEAD 中心负责人; ADMIN 管理员, city-wide. */
export type Role =
  | 'ADMIN'
  | 'CENTRE_HEAD'
  | 'CLERK'
  | 'RESIDENT';

/** Apply online (全程网办 / 网上预审). */
export type SubmitCaseInput = {
  /** The centre to handle it (收件). */
  centreCode: string;
  materials?: Array<CaseMaterialInput>;
  matterCode: string;
};

/** Recall, skip or finish a called ticket (clerks of its centre). */
export type TicketActionInput = {
  ticketId: string | number;
};

/** WAITING 等候中, CALLED 已叫号 (at a window), FINISHED 已办结, SKIPPED 已过号. */
export type TicketState =
  | 'CALLED'
  | 'FINISHED'
  | 'SKIPPED'
  | 'WAITING';

/** Why a verification was refused: MALFORMED (not a code), ALGORITHM_REFUSED, WRONG_TYPE (e.g. a sign-in token), UNKNOWN_KEY, BAD_SIGNATURE, WRONG_AUDIENCE, TOKEN_EXPIRED, NOT_YET_VALID, LIFETIME_TOO_LONG, BAD_CLAIMS, UNKNOWN_CERTIFICATE, WRONG_KIND, NO_DELEGATE_LINK (the family link is gone), NOT_AT_CENTRE (the verifier acts at no centre), KIND_NOT_ACCEPTED (the matter takes no certificate of this kind), CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED, REPLAYED (used before). */
export type VerificationRefusal =
  | 'ALGORITHM_REFUSED'
  | 'BAD_CLAIMS'
  | 'BAD_SIGNATURE'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_REVOKED'
  | 'KIND_NOT_ACCEPTED'
  | 'LIFETIME_TOO_LONG'
  | 'MALFORMED'
  | 'NOT_AT_CENTRE'
  | 'NOT_YET_VALID'
  | 'NO_DELEGATE_LINK'
  | 'REPLAYED'
  | 'TOKEN_EXPIRED'
  | 'UNKNOWN_CERTIFICATE'
  | 'UNKNOWN_KEY'
  | 'WRONG_AUDIENCE'
  | 'WRONG_KIND'
  | 'WRONG_TYPE';

/** The verification's answer, in MOSIP Inji's terms: SUCCESS, INVALID (not a presentation of ours, tampered, another audience or kind ...), EXPIRED (the code or the certificate), REVOKED, ALREADY_USED (一次一验: every code verifies once). */
export type VerificationResult =
  | 'ALREADY_USED'
  | 'EXPIRED'
  | 'INVALID'
  | 'REVOKED'
  | 'SUCCESS';

/** Verify a presentation a resident shows (clerks at a centre). */
export type VerifyCertificateInput = {
  /** The case to attach the verification to (optional). */
  case?: string | number | null | undefined;
  /** The code of the matter being handled, e.g. GA006. */
  matter: string;
  /** The code, scanned from the QR code or pasted. */
  token: string;
};

export type BookingCentreFragment = { code: string, name: string, shortName: string, address: string, addressApproximate: boolean, phone: string | null, location: { latitude: number, longitude: number, approximate: boolean } };

export type BookingListItemFragment = { id: string, state: BookingState, stateName: string, start: string, end: string, checkedInAt: string | null, matter: { code: string, name: string }, centre: { code: string, name: string, shortName: string } };

export type BookingDetailFragment = { id: string, state: BookingState, stateName: string, start: string, end: string, createdAt: string, cancelledAt: string | null, checkedInAt: string | null, checkInCode: string | null, checkInQrSvg: string | null, calendarUrl: string, ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, matter: { code: string, name: string, onlineLevel: OnlineLevel, guide: { unknownNotice: string, materials: Array<{ name: string, eCertificate: ECertificateKind | null, eCertificateCandidate: ECertificateKind | null }> } | null }, centre: { code: string, name: string, shortName: string, address: string, addressApproximate: boolean, phone: string | null, location: { latitude: number, longitude: number, approximate: boolean } } };

export type BookingCalendarQueryVariables = Exact<{
  centreCode: string;
  d0: string;
  d1: string;
  d2: string;
  d3: string;
  d4: string;
  d5: string;
  d6: string;
  d7: string;
}>;


export type BookingCalendarQuery = { centre: { code: string, name: string, shortName: string, address: string, addressApproximate: boolean, phone: string | null, h0: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string }, h1: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string }, h2: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string }, h3: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string }, h4: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string }, h5: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string }, h6: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string }, h7: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string }, location: { latitude: number, longitude: number, approximate: boolean } } };

export type AvailableSlotsQueryVariables = Exact<{
  centreCode: string;
  matterCode: string;
  from: string;
  to: string;
}>;


export type AvailableSlotsQuery = { availableSlots: Array<{ start: string, end: string, capacity: number, seatsLeft: number }> };

export type BookSlotMutationVariables = Exact<{
  input: BookSlotInput;
}>;


export type BookSlotMutation = { bookSlot: { booking: { id: string, state: BookingState, stateName: string, start: string, end: string, createdAt: string, cancelledAt: string | null, checkedInAt: string | null, checkInCode: string | null, checkInQrSvg: string | null, calendarUrl: string, ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, matter: { code: string, name: string, onlineLevel: OnlineLevel, guide: { unknownNotice: string, materials: Array<{ name: string, eCertificate: ECertificateKind | null, eCertificateCandidate: ECertificateKind | null }> } | null }, centre: { code: string, name: string, shortName: string, address: string, addressApproximate: boolean, phone: string | null, location: { latitude: number, longitude: number, approximate: boolean } } } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type MyBookingsQueryVariables = Exact<{
  states?: Array<BookingState> | BookingState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyBookingsQuery = { myBookings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, state: BookingState, stateName: string, start: string, end: string, checkedInAt: string | null, matter: { code: string, name: string }, centre: { code: string, name: string, shortName: string } } }> } };

export type BookingByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type BookingByIdQuery = { node:
    | { id: string, state: BookingState, stateName: string, start: string, end: string, createdAt: string, cancelledAt: string | null, checkedInAt: string | null, checkInCode: string | null, checkInQrSvg: string | null, calendarUrl: string, ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, matter: { code: string, name: string, onlineLevel: OnlineLevel, guide: { unknownNotice: string, materials: Array<{ name: string, eCertificate: ECertificateKind | null, eCertificateCandidate: ECertificateKind | null }> } | null }, centre: { code: string, name: string, shortName: string, address: string, addressApproximate: boolean, phone: string | null, location: { latitude: number, longitude: number, approximate: boolean } } }
    | Record<PropertyKey, never>
   };

export type CancelBookingMutationVariables = Exact<{
  input: CancelBookingInput;
}>;


export type CancelBookingMutation = { cancelBooking: { booking: { id: string, state: BookingState, stateName: string, start: string, end: string, createdAt: string, cancelledAt: string | null, checkedInAt: string | null, checkInCode: string | null, checkInQrSvg: string | null, calendarUrl: string, ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, matter: { code: string, name: string, onlineLevel: OnlineLevel, guide: { unknownNotice: string, materials: Array<{ name: string, eCertificate: ECertificateKind | null, eCertificateCandidate: ECertificateKind | null }> } | null }, centre: { code: string, name: string, shortName: string, address: string, addressApproximate: boolean, phone: string | null, location: { latitude: number, longitude: number, approximate: boolean } } } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type RescheduleBookingMutationVariables = Exact<{
  input: RescheduleBookingInput;
}>;


export type RescheduleBookingMutation = { rescheduleBooking: { booking: { id: string, state: BookingState, stateName: string, start: string, end: string, createdAt: string, cancelledAt: string | null, checkedInAt: string | null, checkInCode: string | null, checkInQrSvg: string | null, calendarUrl: string, ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, matter: { code: string, name: string, onlineLevel: OnlineLevel, guide: { unknownNotice: string, materials: Array<{ name: string, eCertificate: ECertificateKind | null, eCertificateCandidate: ECertificateKind | null }> } | null }, centre: { code: string, name: string, shortName: string, address: string, addressApproximate: boolean, phone: string | null, location: { latitude: number, longitude: number, approximate: boolean } } } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type CheckInBookingMutationVariables = Exact<{
  input: CheckInBookingInput;
}>;


export type CheckInBookingMutation = { checkInBooking: { booking: { id: string, state: BookingState, stateName: string, start: string, end: string, checkedInAt: string | null, matter: { code: string, name: string } } | null, ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type BookingUpdatesSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type BookingUpdatesSubscription = { myUpdates: { cursor: string, kind: string, at: string } };

export type CaseCentreFragment = { code: string, name: string, shortName: string };

export type CaseStepFragment = { action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string };

export type CaseListItemFragment = { id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } };

export type CaseDetailFragment = { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } };

export type CaseUpdateFragment = { cursor: string, kind: string, at: string, case: { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } | null, caseEntry: { action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string } | null };

export type MyCasesQueryVariables = Exact<{
  state?: CaseState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyCasesQuery = { myCases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } }> } };

export type CaseByNumberQueryVariables = Exact<{
  number: string;
}>;


export type CaseByNumberQuery = { caseByNumber: { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } };

export type CentreCasesQueryVariables = Exact<{
  centreCode: string;
  states?: Array<CaseState> | CaseState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentreCasesQuery = { centreCases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } }> } };

export type CentreCaseSummaryQueryVariables = Exact<{
  centreCode: string;
}>;


export type CentreCaseSummaryQuery = { centreCaseSummary: { overdue: number, counts: Array<{ state: CaseState, count: number }> } };

export type CentrePickerQueryVariables = Exact<{
  filter?: CentreFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type CentrePickerQuery = { centres: { edges: Array<{ node: { district: string, address: string, code: string, name: string, shortName: string } }> } };

export type NearestCentreQueryVariables = Exact<{
  lat: number;
  lng: number;
}>;


export type NearestCentreQuery = { nearbyCentres: Array<{ centre: { code: string, name: string, shortName: string } }> };

export type SubmitCaseMutationVariables = Exact<{
  input: SubmitCaseInput;
}>;


export type SubmitCaseMutation = { submitCase: { case: { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type OpenCounterCaseMutationVariables = Exact<{
  input: OpenCounterCaseInput;
}>;


export type OpenCounterCaseMutation = { openCounterCase: { case: { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type AdvanceCaseMutationVariables = Exact<{
  input: AdvanceCaseInput;
}>;


export type AdvanceCaseMutation = { advanceCase: { case: { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type StaffLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type StaffLoginMutation = { staffLogin: { tokens: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } | null, staff: { id: string, username: string, displayName: string, role: Role, centre: { code: string, name: string, shortName: string } | null } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type StaffAccountFragment = { id: string, username: string, displayName: string, role: Role, centre: { code: string, name: string, shortName: string } | null };

export type StaffMeQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffMeQuery = { me: { role: Role, staff: { id: string, username: string, displayName: string, role: Role, centre: { code: string, name: string, shortName: string } | null } | null } | null };

export type MyUpdatesSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MyUpdatesSubscription = { myUpdates: { cursor: string, kind: string, at: string, case: { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } | null, caseEntry: { action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string } | null } };

export type CaseProgressSubscriptionVariables = Exact<{
  caseId: string | number;
  after?: string | null | undefined;
}>;


export type CaseProgressSubscription = { caseProgress: { cursor: string, kind: string, at: string, case: { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } | null, caseEntry: { action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string } | null } };

export type CentreUpdatesSubscriptionVariables = Exact<{
  centreCode: string;
  after?: string | null | undefined;
}>;


export type CentreUpdatesSubscription = { centreUpdates: { cursor: string, kind: string, at: string, case: { finishedAt: string | null, rejectReason: string | null, availableActions: Array<CaseAction>, id: string, number: string, state: CaseState, stateName: string, channel: CaseChannel, submittedAt: string, promisedDate: string | null, overdue: boolean, collectForward: boolean, materials: Array<{ name: string, provided: boolean, byECertificate: boolean }>, timeline: Array<{ action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string }>, matter: { code: string, name: string }, collectingCentre: { code: string, name: string, shortName: string }, acceptingCentre: { code: string, name: string, shortName: string } } | null, caseEntry: { action: string, fromState: CaseState | null, toState: CaseState, stateName: string, at: string, actorKind: CaseActorKind, note: string } | null } };

export type MatterListItemFragment = { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } };

export type CentreListItemFragment = { code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean };

export type OpeningHoursFieldsFragment = { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string };

export type DepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentsQuery = { departments: Array<{ code: string, name: string, fullName: string }> };

export type MattersQueryVariables = Exact<{
  filter?: MatterFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MattersQuery = { matters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } } }> } };

export type MatterQueryVariables = Exact<{
  code: string;
}>;


export type MatterQuery = { matter: { summary: string, code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string, fullName: string }, materials: Array<{ name: string, eCertificate: ECertificateKind | null }> } };

export type CentresQueryVariables = Exact<{
  filter?: CentreFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentresQuery = { centres: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean } }> } };

export type CentreQueryVariables = Exact<{
  code: string;
}>;


export type CentreQuery = { centre: { districtCode: string, phone: string | null, code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean, location: { latitude: number, longitude: number, approximate: boolean }, parent: { code: string, name: string } | null, branches: Array<{ code: string, name: string, address: string, addressApproximate: boolean }>, openingHours: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string } } };

export type CentreMattersQueryVariables = Exact<{
  code: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentreMattersQuery = { centre: { code: string, shortName: string, matters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } } }> } } };

export type NearbyCentresQueryVariables = Exact<{
  lat: number;
  lng: number;
  withinMinutes: number;
}>;


export type NearbyCentresQuery = { nearbyCentres: Array<{ distanceMeters: number, walkingMinutes: number, centre: { code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean } }> };

export type SearchQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
}>;


export type SearchQuery = { matters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } } }> }, centres: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean } }> } };

export type CertificateFieldItemFragment = { key: string, label: string, value: string, masked: boolean, disclosable: boolean };

export type MyCertificateFragment = { id: string, kind: ECertificateKind, title: string, holderName: string, issuer: string, validFrom: string, validUntil: string | null, status: CertificateStatus, statusName: string, relation: CertificateRelation, relationName: string, delegate: boolean, fields: Array<{ key: string, label: string, value: string, masked: boolean, disclosable: boolean }> };

export type CertificatePresentationFieldsFragment = { token: string, expiresAt: string, ttlSeconds: number, disclosedFields: Array<string>, qrSvg: string, qrVersion: number, qrModules: number, certificate: { id: string, kind: ECertificateKind, title: string, holderName: string, issuer: string, validFrom: string, validUntil: string | null, status: CertificateStatus, statusName: string, relation: CertificateRelation, relationName: string, delegate: boolean, fields: Array<{ key: string, label: string, value: string, masked: boolean, disclosable: boolean }> } };

export type CertificateViewItemFragment = { id: string, at: string, kind: ECertificateKind | null, title: string | null, result: VerificationResult, resultName: string, reason: VerificationRefusal | null, reasonMessage: string | null, caseNumber: string | null, delegate: boolean, holderName: string | null, delegateName: string | null, idNumberRevealed: boolean, reported: boolean, reportedAt: string | null, clerkName: string, centre: { code: string, name: string, shortName: string } | null, matter: { code: string, name: string } | null };

export type CertificateVerificationFieldsFragment = { id: string, result: VerificationResult, resultName: string, reason: VerificationRefusal | null, reasonMessage: string | null, kind: ECertificateKind | null, title: string | null, holderName: string | null, delegateName: string | null, relation: CertificateRelation | null, status: CertificateStatus | null, validUntil: string | null, caseNumber: string | null, at: string, fields: Array<{ key: string, label: string, value: string, masked: boolean, disclosable: boolean }> };

export type MyCertificatesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCertificatesQuery = { myCertificates: Array<{ id: string, kind: ECertificateKind, title: string, holderName: string, issuer: string, validFrom: string, validUntil: string | null, status: CertificateStatus, statusName: string, relation: CertificateRelation, relationName: string, delegate: boolean, fields: Array<{ key: string, label: string, value: string, masked: boolean, disclosable: boolean }> }> };

export type MyCertificateViewsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyCertificateViewsQuery = { myCertificateViews: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, kind: ECertificateKind | null, title: string | null, result: VerificationResult, resultName: string, reason: VerificationRefusal | null, reasonMessage: string | null, caseNumber: string | null, delegate: boolean, holderName: string | null, delegateName: string | null, idNumberRevealed: boolean, reported: boolean, reportedAt: string | null, clerkName: string, centre: { code: string, name: string, shortName: string } | null, matter: { code: string, name: string } | null } }> } };

export type PresentCertificateMutationVariables = Exact<{
  input: PresentCertificateInput;
}>;


export type PresentCertificateMutation = { presentCertificate: { presentation: { token: string, expiresAt: string, ttlSeconds: number, disclosedFields: Array<string>, qrSvg: string, qrVersion: number, qrModules: number, certificate: { id: string, kind: ECertificateKind, title: string, holderName: string, issuer: string, validFrom: string, validUntil: string | null, status: CertificateStatus, statusName: string, relation: CertificateRelation, relationName: string, delegate: boolean, fields: Array<{ key: string, label: string, value: string, masked: boolean, disclosable: boolean }> } } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type ReportCertificateViewMutationVariables = Exact<{
  input: ReportCertificateViewInput;
}>;


export type ReportCertificateViewMutation = { reportCertificateView: { view: { id: string, at: string, kind: ECertificateKind | null, title: string | null, result: VerificationResult, resultName: string, reason: VerificationRefusal | null, reasonMessage: string | null, caseNumber: string | null, delegate: boolean, holderName: string | null, delegateName: string | null, idNumberRevealed: boolean, reported: boolean, reportedAt: string | null, clerkName: string, centre: { code: string, name: string, shortName: string } | null, matter: { code: string, name: string } | null } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type VerifyCertificateMutationVariables = Exact<{
  input: VerifyCertificateInput;
}>;


export type VerifyCertificateMutation = { verifyCertificate: { verification: { id: string, result: VerificationResult, resultName: string, reason: VerificationRefusal | null, reasonMessage: string | null, kind: ECertificateKind | null, title: string | null, holderName: string | null, delegateName: string | null, relation: CertificateRelation | null, status: CertificateStatus | null, validUntil: string | null, caseNumber: string | null, at: string, fields: Array<{ key: string, label: string, value: string, masked: boolean, disclosable: boolean }> } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type CertificateUpdatesSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CertificateUpdatesSubscription = { myUpdates: { cursor: string, kind: string, at: string } };

export type LegalDocumentFieldsFragment = { kind: LegalDocumentKind, version: string, title: string, effectiveDate: string, sections: Array<{ heading: string, paragraphs: Array<string> }> };

export type LegalDocumentQueryVariables = Exact<{
  kind: LegalDocumentKind;
}>;


export type LegalDocumentQuery = { legalDocument: { kind: LegalDocumentKind, version: string, title: string, effectiveDate: string, sections: Array<{ heading: string, paragraphs: Array<string> }> } };

export type ConsentStatusFieldsFragment = { pending: Array<{ kind: LegalDocumentKind, version: string, title: string, effectiveDate: string, sections: Array<{ heading: string, paragraphs: Array<string> }> }>, records: Array<{ document: LegalDocumentKind, title: string, version: string, channel: ConsentChannel, acceptedAt: string }> };

export type MyConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyConsentsQuery = { myConsents: { pending: Array<{ kind: LegalDocumentKind, version: string, title: string, effectiveDate: string, sections: Array<{ heading: string, paragraphs: Array<string> }> }>, records: Array<{ document: LegalDocumentKind, title: string, version: string, channel: ConsentChannel, acceptedAt: string }> } };

export type AcceptConsentsMutationVariables = Exact<{
  documents: Array<ConsentInput> | ConsentInput;
}>;


export type AcceptConsentsMutation = { acceptConsents: { status: { pending: Array<{ kind: LegalDocumentKind, version: string, title: string, effectiveDate: string, sections: Array<{ heading: string, paragraphs: Array<string> }> }>, records: Array<{ document: LegalDocumentKind, title: string, version: string, channel: ConsentChannel, acceptedAt: string }> } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type RequestAccountErasureCodeMutationVariables = Exact<{ [key: string]: never; }>;


export type RequestAccountErasureCodeMutation = { requestAccountErasureCode: { sent: boolean, resendAfterSeconds: number | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type EraseAccountMutationVariables = Exact<{
  code: string;
}>;


export type EraseAccountMutation = { eraseAccount: { erased: boolean, sessionsEnded: number | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type MyDataExportQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDataExportQuery = { myDataExport: { fileName: string, generatedAt: string, json: string } };

export type GuideFactFieldsFragment = { known: boolean, items: Array<string>, sourceIds: Array<string> };

export type MatterGuideQueryVariables = Exact<{
  code: string;
}>;


export type MatterGuideQuery = { matter: { code: string, name: string, cityWide: boolean, guide: { unknownNotice: string, conditions: { known: boolean, items: Array<string>, sourceIds: Array<string> }, steps: { known: boolean, items: Array<string>, sourceIds: Array<string> }, fees: { known: boolean, items: Array<string>, sourceIds: Array<string> }, legalBasis: { known: boolean, items: Array<string>, sourceIds: Array<string> }, hours: { known: boolean, items: Array<string>, sourceIds: Array<string> }, sampleForms: { known: boolean, items: Array<string>, sourceIds: Array<string> }, materials: Array<{ name: string, eCertificateKnown: boolean, eCertificate: ECertificateKind | null, eCertificateCandidate: ECertificateKind | null, originalOrCopy: { known: boolean, items: Array<string>, sourceIds: Array<string> }, count: { known: boolean, items: Array<string>, sourceIds: Array<string> } }>, faq: { known: boolean, items: Array<{ question: string, answer: string, sourceIds: Array<string> }> }, sources: Array<{ id: string, title: string, date: string }> } | null } };

export type CentreLinksFragment = { code: string, name: string, district: string, address: string, addressApproximate: boolean, phone: string | null, phoneUri: string | null, amapUrl: string, geoUri: string, location: { approximate: boolean } };

export type CentresOfferingQueryVariables = Exact<{
  matterCode: string;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  district?: string | null | undefined;
  first?: number;
}>;


export type CentresOfferingQuery = { centresOffering: Array<{ distanceMeters: number | null, centre: { code: string, name: string, district: string, address: string, addressApproximate: boolean, phone: string | null, phoneUri: string | null, amapUrl: string, geoUri: string, location: { approximate: boolean } } }> };

export type CentreLinksByCodeQueryVariables = Exact<{
  code: string;
}>;


export type CentreLinksByCodeQuery = { centre: { code: string, name: string, district: string, address: string, addressApproximate: boolean, phone: string | null, phoneUri: string | null, amapUrl: string, geoUri: string, location: { approximate: boolean } } };

export type ResidentAccountFragment = { id: string, phone: string, realName: string | null, idNumber: string | null, verified: boolean, verifiedAt: string | null };

export type AuthTokensFieldsFragment = { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string };

export type MutationErrorFieldsFragment = { field: string | null, message: string, code: ErrorCode };

export type RequestLoginCodeMutationVariables = Exact<{
  phone: string;
}>;


export type RequestLoginCodeMutation = { requestLoginCode: { sent: boolean, expiresInSeconds: number | null, resendAfterSeconds: number | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type LoginMutationVariables = Exact<{
  phone: string;
  code: string;
}>;


export type LoginMutation = { login: { tokens: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } | null, resident: { id: string, phone: string, realName: string | null, idNumber: string | null, verified: boolean, verifiedAt: string | null } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type RefreshTokenMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshTokenMutation = { refreshToken: { tokens: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type LogoutMutationVariables = Exact<{
  refreshToken?: string | null | undefined;
}>;


export type LogoutMutation = { logout: { ok: boolean, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type VerifyRealNameMutationVariables = Exact<{
  name: string;
  idNumber: string;
  consentVersion?: string | null | undefined;
}>;


export type VerifyRealNameMutation = { verifyRealName: { resident: { id: string, phone: string, realName: string | null, idNumber: string | null, verified: boolean, verifiedAt: string | null } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { role: Role, verified: boolean, resident: { id: string, phone: string, realName: string | null, idNumber: string | null, verified: boolean, verifiedAt: string | null } | null } | null };

export type PersonalDataQueryVariables = Exact<{ [key: string]: never; }>;


export type PersonalDataQuery = { me: { resident: { personalData: { phone: string, realName: string | null, idNumber: string | null } } | null } | null };

export type PersonalDataFieldsFragment = { phone: string, realName: string | null, idNumber: string | null };

export type QueueTicketFieldsFragment = { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number };

export type QueueCallFieldsFragment = { number: string, queueLetter: string, window: number, calledAt: string, recalls: number };

export type QueueBoardFieldsFragment = { centreCode: string, centreName: string, updatedAt: string, queues: Array<{ letter: string, name: string, waiting: number, estimatedWaitMinutes: number, averageServiceMinutes: number }>, serving: Array<{ number: string, queueLetter: string, window: number, calledAt: string, recalls: number }>, recentCalls: Array<{ number: string, queueLetter: string, window: number, calledAt: string, recalls: number }>, announcement: { number: string, queueLetter: string, window: number, calledAt: string, recalls: number } | null };

export type QueueStatusQueryVariables = Exact<{
  centre: string;
}>;


export type QueueStatusQuery = { queueStatus: { centreCode: string, centreName: string, updatedAt: string, queues: Array<{ letter: string, name: string, waiting: number, estimatedWaitMinutes: number, averageServiceMinutes: number }>, serving: Array<{ number: string, queueLetter: string, window: number, calledAt: string, recalls: number }>, recentCalls: Array<{ number: string, queueLetter: string, window: number, calledAt: string, recalls: number }>, announcement: { number: string, queueLetter: string, window: number, calledAt: string, recalls: number } | null } };

export type QueueBoardSubscriptionVariables = Exact<{
  centre: string;
}>;


export type QueueBoardSubscription = { queueBoard: { centreCode: string, centreName: string, updatedAt: string, queues: Array<{ letter: string, name: string, waiting: number, estimatedWaitMinutes: number, averageServiceMinutes: number }>, serving: Array<{ number: string, queueLetter: string, window: number, calledAt: string, recalls: number }>, recentCalls: Array<{ number: string, queueLetter: string, window: number, calledAt: string, recalls: number }>, announcement: { number: string, queueLetter: string, window: number, calledAt: string, recalls: number } | null } };

export type MyQueuePositionSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MyQueuePositionSubscription = { myQueuePosition: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null };

export type CentreQueueQueryVariables = Exact<{
  centre: string;
  states?: Array<TicketState> | TicketState | null | undefined;
}>;


export type CentreQueueQuery = { centreQueue: Array<{ id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number }> };

export type IssueWalkInTicketMutationVariables = Exact<{
  input: IssueWalkInTicketInput;
}>;


export type IssueWalkInTicketMutation = { issueWalkInTicket: { ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type CallNextMutationVariables = Exact<{
  input: CallNextInput;
}>;


export type CallNextMutation = { callNext: { ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type RecallTicketMutationVariables = Exact<{
  input: TicketActionInput;
}>;


export type RecallTicketMutation = { recallTicket: { ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type SkipTicketMutationVariables = Exact<{
  input: TicketActionInput;
}>;


export type SkipTicketMutation = { skipTicket: { ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type FinishTicketMutationVariables = Exact<{
  input: TicketActionInput;
}>;


export type FinishTicketMutation = { finishTicket: { ticket: { id: string, number: string, state: TicketState, stateName: string, priority: boolean, priorityReason: PriorityReason | null, window: number | null, recalls: number, issuedAt: string, calledAt: string | null, finishedAt: string | null, queueLetter: string, queueName: string, ahead: number, estimatedWaitMinutes: number } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type FollowUpFieldsFragment = { id: string, state: RatingFollowUpState, stateName: string, openedAt: string, dueDate: string, overdue: boolean, contactNote: string, cause: string, resolution: string, resolvedAt: string | null, appeal: string | null, appealedAt: string | null, appealAnswer: string | null, closedAt: string | null, canAppeal: boolean, canResolve: boolean };

export type RatingFieldsFragment = { id: string, channel: RatingChannel, level: RatingLevel, levelName: string, comment: string, createdAt: string, caseNumber: string | null, window: string | null, mark: RatingMark | null, markName: string | null, markReason: string | null, indicators: Array<{ indicator: RatingIndicator, indicatorName: string, level: RatingLevel, levelName: string }> };

export type SatisfactionFieldsFragment = { ratingCount: number, satisfiedCount: number, satisfactionRate: number | null };

export type CaseRatingQueryVariables = Exact<{
  caseNumber: string;
}>;


export type CaseRatingQuery = { caseRating: { caseNumber: string, ratable: boolean, rating: { id: string, channel: RatingChannel, level: RatingLevel, levelName: string, comment: string, createdAt: string, caseNumber: string | null, window: string | null, mark: RatingMark | null, markName: string | null, markReason: string | null, followUp: { id: string, state: RatingFollowUpState, stateName: string, openedAt: string, dueDate: string, overdue: boolean, contactNote: string, cause: string, resolution: string, resolvedAt: string | null, appeal: string | null, appealedAt: string | null, appealAnswer: string | null, closedAt: string | null, canAppeal: boolean, canResolve: boolean } | null, indicators: Array<{ indicator: RatingIndicator, indicatorName: string, level: RatingLevel, levelName: string }> } | null } };

export type RateCaseMutationVariables = Exact<{
  input: RateCaseInput;
}>;


export type RateCaseMutation = { rateCase: { rating: { id: string, channel: RatingChannel, level: RatingLevel, levelName: string, comment: string, createdAt: string, caseNumber: string | null, window: string | null, mark: RatingMark | null, markName: string | null, markReason: string | null, followUp: { id: string, state: RatingFollowUpState, stateName: string, openedAt: string, dueDate: string, overdue: boolean, contactNote: string, cause: string, resolution: string, resolvedAt: string | null, appeal: string | null, appealedAt: string | null, appealAnswer: string | null, closedAt: string | null, canAppeal: boolean, canResolve: boolean } | null, indicators: Array<{ indicator: RatingIndicator, indicatorName: string, level: RatingLevel, levelName: string }> } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type AppealRatingMutationVariables = Exact<{
  input: AppealRatingInput;
}>;


export type AppealRatingMutation = { appealRating: { followUp: { id: string, state: RatingFollowUpState, stateName: string, openedAt: string, dueDate: string, overdue: boolean, contactNote: string, cause: string, resolution: string, resolvedAt: string | null, appeal: string | null, appealedAt: string | null, appealAnswer: string | null, closedAt: string | null, canAppeal: boolean, canResolve: boolean } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type CentreSatisfactionQueryVariables = Exact<{
  code: string;
}>;


export type CentreSatisfactionQuery = { centreSatisfaction: { ratingCount: number, satisfiedCount: number, satisfactionRate: number | null } };

export type DeviceStaffLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type DeviceStaffLoginMutation = { staffLogin: { tokens: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } | null, staff: { id: string, displayName: string, role: Role, centre: { code: string, name: string } | null } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type DeviceStaffMeQueryVariables = Exact<{ [key: string]: never; }>;


export type DeviceStaffMeQuery = { me: { role: Role, staff: { id: string, displayName: string, role: Role, centre: { code: string, name: string } | null } | null } | null };

export type RatingTabletQueryVariables = Exact<{
  centre: string;
  window: string;
}>;


export type RatingTabletQuery = { ratingTablet: { centreCode: string, window: string, clerk: { id: string, displayName: string } | null } };

export type SetServingWindowMutationVariables = Exact<{
  window: string;
}>;


export type SetServingWindowMutation = { setServingWindow: { tablet: { window: string, clerk: { id: string, displayName: string } | null } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type RateAtCounterMutationVariables = Exact<{
  input: RateAtCounterInput;
}>;


export type RateAtCounterMutation = { rateAtCounter: { rating: { id: string, level: RatingLevel } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type RatingFollowUpsQueryVariables = Exact<{
  state?: RatingFollowUpState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RatingFollowUpsQuery = { ratingFollowUps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, state: RatingFollowUpState, stateName: string, openedAt: string, dueDate: string, overdue: boolean, contactNote: string, cause: string, resolution: string, resolvedAt: string | null, appeal: string | null, appealedAt: string | null, appealAnswer: string | null, closedAt: string | null, canAppeal: boolean, canResolve: boolean, rating: { id: string, level: RatingLevel, levelName: string, channel: RatingChannel, caseNumber: string | null, window: string | null } } }> } };

export type RatingFollowUpQueryVariables = Exact<{
  id: string | number;
}>;


export type RatingFollowUpQuery = { ratingFollowUp: { id: string, state: RatingFollowUpState, stateName: string, openedAt: string, dueDate: string, overdue: boolean, contactNote: string, cause: string, resolution: string, resolvedAt: string | null, appeal: string | null, appealedAt: string | null, appealAnswer: string | null, closedAt: string | null, canAppeal: boolean, canResolve: boolean, rating: { id: string, channel: RatingChannel, level: RatingLevel, levelName: string, comment: string, createdAt: string, caseNumber: string | null, window: string | null, mark: RatingMark | null, markName: string | null, markReason: string | null, clerk: { displayName: string } | null, indicators: Array<{ indicator: RatingIndicator, indicatorName: string, level: RatingLevel, levelName: string }> } } };

export type ResolveRatingFollowUpMutationVariables = Exact<{
  input: ResolveRatingFollowUpInput;
}>;


export type ResolveRatingFollowUpMutation = { resolveRatingFollowUp: { followUp: { id: string, state: RatingFollowUpState, stateName: string, openedAt: string, dueDate: string, overdue: boolean, contactNote: string, cause: string, resolution: string, resolvedAt: string | null, appeal: string | null, appealedAt: string | null, appealAnswer: string | null, closedAt: string | null, canAppeal: boolean, canResolve: boolean } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type MarkRatingMutationVariables = Exact<{
  input: MarkRatingInput;
}>;


export type MarkRatingMutation = { markRating: { rating: { id: string, channel: RatingChannel, level: RatingLevel, levelName: string, comment: string, createdAt: string, caseNumber: string | null, window: string | null, mark: RatingMark | null, markName: string | null, markReason: string | null, indicators: Array<{ indicator: RatingIndicator, indicatorName: string, level: RatingLevel, levelName: string }> } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const BookingListItemFragmentDoc = new TypedDocumentString(`
    fragment BookingListItem on Booking {
  id
  state
  stateName
  start
  end
  checkedInAt
  matter {
    code
    name
  }
  centre {
    code
    name
    shortName
  }
}
    `, {"fragmentName":"BookingListItem"}) as unknown as TypedDocumentString<BookingListItemFragment, unknown>;
export const QueueTicketFieldsFragmentDoc = new TypedDocumentString(`
    fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}
    `, {"fragmentName":"QueueTicketFields"}) as unknown as TypedDocumentString<QueueTicketFieldsFragment, unknown>;
export const BookingCentreFragmentDoc = new TypedDocumentString(`
    fragment BookingCentre on Centre {
  code
  name
  shortName
  address
  addressApproximate
  phone
  location {
    latitude
    longitude
    approximate
  }
}
    `, {"fragmentName":"BookingCentre"}) as unknown as TypedDocumentString<BookingCentreFragment, unknown>;
export const BookingDetailFragmentDoc = new TypedDocumentString(`
    fragment BookingDetail on Booking {
  id
  state
  stateName
  start
  end
  createdAt
  cancelledAt
  checkedInAt
  checkInCode
  checkInQrSvg
  calendarUrl
  ticket {
    ...QueueTicketFields
  }
  matter {
    code
    name
    onlineLevel
    guide {
      unknownNotice
      materials {
        name
        eCertificate
        eCertificateCandidate
      }
    }
  }
  centre {
    ...BookingCentre
  }
}
    fragment BookingCentre on Centre {
  code
  name
  shortName
  address
  addressApproximate
  phone
  location {
    latitude
    longitude
    approximate
  }
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"fragmentName":"BookingDetail"}) as unknown as TypedDocumentString<BookingDetailFragment, unknown>;
export const CaseCentreFragmentDoc = new TypedDocumentString(`
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
    `, {"fragmentName":"CaseCentre"}) as unknown as TypedDocumentString<CaseCentreFragment, unknown>;
export const CaseListItemFragmentDoc = new TypedDocumentString(`
    fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}`, {"fragmentName":"CaseListItem"}) as unknown as TypedDocumentString<CaseListItemFragment, unknown>;
export const CaseStepFragmentDoc = new TypedDocumentString(`
    fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
    `, {"fragmentName":"CaseStep"}) as unknown as TypedDocumentString<CaseStepFragment, unknown>;
export const CaseDetailFragmentDoc = new TypedDocumentString(`
    fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}`, {"fragmentName":"CaseDetail"}) as unknown as TypedDocumentString<CaseDetailFragment, unknown>;
export const CaseUpdateFragmentDoc = new TypedDocumentString(`
    fragment CaseUpdate on StreamUpdate {
  cursor
  kind
  at
  case {
    ...CaseDetail
  }
  caseEntry {
    ...CaseStep
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}`, {"fragmentName":"CaseUpdate"}) as unknown as TypedDocumentString<CaseUpdateFragment, unknown>;
export const StaffAccountFragmentDoc = new TypedDocumentString(`
    fragment StaffAccount on StaffMember {
  id
  username
  displayName
  role
  centre {
    ...CaseCentre
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}`, {"fragmentName":"StaffAccount"}) as unknown as TypedDocumentString<StaffAccountFragment, unknown>;
export const MatterListItemFragmentDoc = new TypedDocumentString(`
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}
    `, {"fragmentName":"MatterListItem"}) as unknown as TypedDocumentString<MatterListItemFragment, unknown>;
export const CentreListItemFragmentDoc = new TypedDocumentString(`
    fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}
    `, {"fragmentName":"CentreListItem"}) as unknown as TypedDocumentString<CentreListItemFragment, unknown>;
export const OpeningHoursFieldsFragmentDoc = new TypedDocumentString(`
    fragment OpeningHoursFields on OpeningHours {
  date
  dayType
  isOpenDay
  opensAt
  closesAt
  holidayName
  isMakeupWorkday
  calendarKnown
  source
  note
}
    `, {"fragmentName":"OpeningHoursFields"}) as unknown as TypedDocumentString<OpeningHoursFieldsFragment, unknown>;
export const CertificateFieldItemFragmentDoc = new TypedDocumentString(`
    fragment CertificateFieldItem on CertificateField {
  key
  label
  value
  masked
  disclosable
}
    `, {"fragmentName":"CertificateFieldItem"}) as unknown as TypedDocumentString<CertificateFieldItemFragment, unknown>;
export const MyCertificateFragmentDoc = new TypedDocumentString(`
    fragment MyCertificate on ECertificate {
  id
  kind
  title
  holderName
  issuer
  validFrom
  validUntil
  status
  statusName
  relation
  relationName
  delegate
  fields {
    ...CertificateFieldItem
  }
}
    fragment CertificateFieldItem on CertificateField {
  key
  label
  value
  masked
  disclosable
}`, {"fragmentName":"MyCertificate"}) as unknown as TypedDocumentString<MyCertificateFragment, unknown>;
export const CertificatePresentationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CertificatePresentationFields on CertificatePresentation {
  token
  expiresAt
  ttlSeconds
  disclosedFields
  qrSvg
  qrVersion
  qrModules
  certificate {
    ...MyCertificate
  }
}
    fragment CertificateFieldItem on CertificateField {
  key
  label
  value
  masked
  disclosable
}
fragment MyCertificate on ECertificate {
  id
  kind
  title
  holderName
  issuer
  validFrom
  validUntil
  status
  statusName
  relation
  relationName
  delegate
  fields {
    ...CertificateFieldItem
  }
}`, {"fragmentName":"CertificatePresentationFields"}) as unknown as TypedDocumentString<CertificatePresentationFieldsFragment, unknown>;
export const CertificateViewItemFragmentDoc = new TypedDocumentString(`
    fragment CertificateViewItem on CertificateView {
  id
  at
  kind
  title
  result
  resultName
  reason
  reasonMessage
  caseNumber
  delegate
  holderName
  delegateName
  idNumberRevealed
  reported
  reportedAt
  clerkName
  centre {
    code
    name
    shortName
  }
  matter {
    code
    name
  }
}
    `, {"fragmentName":"CertificateViewItem"}) as unknown as TypedDocumentString<CertificateViewItemFragment, unknown>;
export const CertificateVerificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CertificateVerificationFields on CertificateVerification {
  id
  result
  resultName
  reason
  reasonMessage
  kind
  title
  holderName
  delegateName
  relation
  status
  validUntil
  fields {
    ...CertificateFieldItem
  }
  caseNumber
  at
}
    fragment CertificateFieldItem on CertificateField {
  key
  label
  value
  masked
  disclosable
}`, {"fragmentName":"CertificateVerificationFields"}) as unknown as TypedDocumentString<CertificateVerificationFieldsFragment, unknown>;
export const LegalDocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment LegalDocumentFields on LegalDocument {
  kind
  version
  title
  effectiveDate
  sections {
    heading
    paragraphs
  }
}
    `, {"fragmentName":"LegalDocumentFields"}) as unknown as TypedDocumentString<LegalDocumentFieldsFragment, unknown>;
export const ConsentStatusFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsentStatusFields on ConsentStatus {
  pending {
    ...LegalDocumentFields
  }
  records {
    document
    title
    version
    channel
    acceptedAt
  }
}
    fragment LegalDocumentFields on LegalDocument {
  kind
  version
  title
  effectiveDate
  sections {
    heading
    paragraphs
  }
}`, {"fragmentName":"ConsentStatusFields"}) as unknown as TypedDocumentString<ConsentStatusFieldsFragment, unknown>;
export const GuideFactFieldsFragmentDoc = new TypedDocumentString(`
    fragment GuideFactFields on GuideFact {
  known
  items
  sourceIds
}
    `, {"fragmentName":"GuideFactFields"}) as unknown as TypedDocumentString<GuideFactFieldsFragment, unknown>;
export const CentreLinksFragmentDoc = new TypedDocumentString(`
    fragment CentreLinks on Centre {
  code
  name
  district
  address
  addressApproximate
  phone
  phoneUri
  amapUrl
  geoUri
  location {
    approximate
  }
}
    `, {"fragmentName":"CentreLinks"}) as unknown as TypedDocumentString<CentreLinksFragment, unknown>;
export const ResidentAccountFragmentDoc = new TypedDocumentString(`
    fragment ResidentAccount on Resident {
  id
  phone
  realName
  idNumber
  verified
  verifiedAt
}
    `, {"fragmentName":"ResidentAccount"}) as unknown as TypedDocumentString<ResidentAccountFragment, unknown>;
export const AuthTokensFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuthTokensFields on AuthTokens {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
}
    `, {"fragmentName":"AuthTokensFields"}) as unknown as TypedDocumentString<AuthTokensFieldsFragment, unknown>;
export const MutationErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
    `, {"fragmentName":"MutationErrorFields"}) as unknown as TypedDocumentString<MutationErrorFieldsFragment, unknown>;
export const PersonalDataFieldsFragmentDoc = new TypedDocumentString(`
    fragment PersonalDataFields on PersonalData {
  phone
  realName
  idNumber
}
    `, {"fragmentName":"PersonalDataFields"}) as unknown as TypedDocumentString<PersonalDataFieldsFragment, unknown>;
export const QueueCallFieldsFragmentDoc = new TypedDocumentString(`
    fragment QueueCallFields on QueueCall {
  number
  queueLetter
  window
  calledAt
  recalls
}
    `, {"fragmentName":"QueueCallFields"}) as unknown as TypedDocumentString<QueueCallFieldsFragment, unknown>;
export const QueueBoardFieldsFragmentDoc = new TypedDocumentString(`
    fragment QueueBoardFields on QueueBoard {
  centreCode
  centreName
  queues {
    letter
    name
    waiting
    estimatedWaitMinutes
    averageServiceMinutes
  }
  serving {
    ...QueueCallFields
  }
  recentCalls {
    ...QueueCallFields
  }
  announcement {
    ...QueueCallFields
  }
  updatedAt
}
    fragment QueueCallFields on QueueCall {
  number
  queueLetter
  window
  calledAt
  recalls
}`, {"fragmentName":"QueueBoardFields"}) as unknown as TypedDocumentString<QueueBoardFieldsFragment, unknown>;
export const FollowUpFieldsFragmentDoc = new TypedDocumentString(`
    fragment FollowUpFields on RatingFollowUp {
  id
  state
  stateName
  openedAt
  dueDate
  overdue
  contactNote
  cause
  resolution
  resolvedAt
  appeal
  appealedAt
  appealAnswer
  closedAt
  canAppeal
  canResolve
}
    `, {"fragmentName":"FollowUpFields"}) as unknown as TypedDocumentString<FollowUpFieldsFragment, unknown>;
export const RatingFieldsFragmentDoc = new TypedDocumentString(`
    fragment RatingFields on Rating {
  id
  channel
  level
  levelName
  comment
  createdAt
  caseNumber
  window
  mark
  markName
  markReason
  indicators {
    indicator
    indicatorName
    level
    levelName
  }
}
    `, {"fragmentName":"RatingFields"}) as unknown as TypedDocumentString<RatingFieldsFragment, unknown>;
export const SatisfactionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SatisfactionFields on SatisfactionFigures {
  ratingCount
  satisfiedCount
  satisfactionRate
}
    `, {"fragmentName":"SatisfactionFields"}) as unknown as TypedDocumentString<SatisfactionFieldsFragment, unknown>;
export const BookingCalendarDocument = new TypedDocumentString(`
    query BookingCalendar($centreCode: String!, $d0: Date!, $d1: Date!, $d2: Date!, $d3: Date!, $d4: Date!, $d5: Date!, $d6: Date!, $d7: Date!) {
  centre(code: $centreCode) {
    ...BookingCentre
    h0: openingHours(date: $d0) {
      ...OpeningHoursFields
    }
    h1: openingHours(date: $d1) {
      ...OpeningHoursFields
    }
    h2: openingHours(date: $d2) {
      ...OpeningHoursFields
    }
    h3: openingHours(date: $d3) {
      ...OpeningHoursFields
    }
    h4: openingHours(date: $d4) {
      ...OpeningHoursFields
    }
    h5: openingHours(date: $d5) {
      ...OpeningHoursFields
    }
    h6: openingHours(date: $d6) {
      ...OpeningHoursFields
    }
    h7: openingHours(date: $d7) {
      ...OpeningHoursFields
    }
  }
}
    fragment BookingCentre on Centre {
  code
  name
  shortName
  address
  addressApproximate
  phone
  location {
    latitude
    longitude
    approximate
  }
}
fragment OpeningHoursFields on OpeningHours {
  date
  dayType
  isOpenDay
  opensAt
  closesAt
  holidayName
  isMakeupWorkday
  calendarKnown
  source
  note
}`, {"operationName":"BookingCalendar","anonymous":true}) as unknown as TypedDocumentString<BookingCalendarQuery, BookingCalendarQueryVariables>;
export const AvailableSlotsDocument = new TypedDocumentString(`
    query AvailableSlots($centreCode: String!, $matterCode: String!, $from: Date!, $to: Date!) {
  availableSlots(
    centreCode: $centreCode
    matterCode: $matterCode
    from: $from
    to: $to
  ) {
    start
    end
    capacity
    seatsLeft
  }
}
    `, {"operationName":"AvailableSlots"}) as unknown as TypedDocumentString<AvailableSlotsQuery, AvailableSlotsQueryVariables>;
export const BookSlotDocument = new TypedDocumentString(`
    mutation BookSlot($input: BookSlotInput!) {
  bookSlot(input: $input) {
    booking {
      ...BookingDetail
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment BookingCentre on Centre {
  code
  name
  shortName
  address
  addressApproximate
  phone
  location {
    latitude
    longitude
    approximate
  }
}
fragment BookingDetail on Booking {
  id
  state
  stateName
  start
  end
  createdAt
  cancelledAt
  checkedInAt
  checkInCode
  checkInQrSvg
  calendarUrl
  ticket {
    ...QueueTicketFields
  }
  matter {
    code
    name
    onlineLevel
    guide {
      unknownNotice
      materials {
        name
        eCertificate
        eCertificateCandidate
      }
    }
  }
  centre {
    ...BookingCentre
  }
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"BookSlot"}) as unknown as TypedDocumentString<BookSlotMutation, BookSlotMutationVariables>;
export const MyBookingsDocument = new TypedDocumentString(`
    query MyBookings($states: [BookingState!], $first: Int, $after: String) {
  myBookings(states: $states, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...BookingListItem
      }
    }
  }
}
    fragment BookingListItem on Booking {
  id
  state
  stateName
  start
  end
  checkedInAt
  matter {
    code
    name
  }
  centre {
    code
    name
    shortName
  }
}`, {"operationName":"MyBookings"}) as unknown as TypedDocumentString<MyBookingsQuery, MyBookingsQueryVariables>;
export const BookingByIdDocument = new TypedDocumentString(`
    query BookingById($id: ID!) {
  node(id: $id) {
    ... on Booking {
      ...BookingDetail
    }
  }
}
    fragment BookingCentre on Centre {
  code
  name
  shortName
  address
  addressApproximate
  phone
  location {
    latitude
    longitude
    approximate
  }
}
fragment BookingDetail on Booking {
  id
  state
  stateName
  start
  end
  createdAt
  cancelledAt
  checkedInAt
  checkInCode
  checkInQrSvg
  calendarUrl
  ticket {
    ...QueueTicketFields
  }
  matter {
    code
    name
    onlineLevel
    guide {
      unknownNotice
      materials {
        name
        eCertificate
        eCertificateCandidate
      }
    }
  }
  centre {
    ...BookingCentre
  }
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"BookingById"}) as unknown as TypedDocumentString<BookingByIdQuery, BookingByIdQueryVariables>;
export const CancelBookingDocument = new TypedDocumentString(`
    mutation CancelBooking($input: CancelBookingInput!) {
  cancelBooking(input: $input) {
    booking {
      ...BookingDetail
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment BookingCentre on Centre {
  code
  name
  shortName
  address
  addressApproximate
  phone
  location {
    latitude
    longitude
    approximate
  }
}
fragment BookingDetail on Booking {
  id
  state
  stateName
  start
  end
  createdAt
  cancelledAt
  checkedInAt
  checkInCode
  checkInQrSvg
  calendarUrl
  ticket {
    ...QueueTicketFields
  }
  matter {
    code
    name
    onlineLevel
    guide {
      unknownNotice
      materials {
        name
        eCertificate
        eCertificateCandidate
      }
    }
  }
  centre {
    ...BookingCentre
  }
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"CancelBooking"}) as unknown as TypedDocumentString<CancelBookingMutation, CancelBookingMutationVariables>;
export const RescheduleBookingDocument = new TypedDocumentString(`
    mutation RescheduleBooking($input: RescheduleBookingInput!) {
  rescheduleBooking(input: $input) {
    booking {
      ...BookingDetail
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment BookingCentre on Centre {
  code
  name
  shortName
  address
  addressApproximate
  phone
  location {
    latitude
    longitude
    approximate
  }
}
fragment BookingDetail on Booking {
  id
  state
  stateName
  start
  end
  createdAt
  cancelledAt
  checkedInAt
  checkInCode
  checkInQrSvg
  calendarUrl
  ticket {
    ...QueueTicketFields
  }
  matter {
    code
    name
    onlineLevel
    guide {
      unknownNotice
      materials {
        name
        eCertificate
        eCertificateCandidate
      }
    }
  }
  centre {
    ...BookingCentre
  }
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"RescheduleBooking"}) as unknown as TypedDocumentString<RescheduleBookingMutation, RescheduleBookingMutationVariables>;
export const CheckInBookingDocument = new TypedDocumentString(`
    mutation CheckInBooking($input: CheckInBookingInput!) {
  checkInBooking(input: $input) {
    booking {
      id
      state
      stateName
      start
      end
      checkedInAt
      matter {
        code
        name
      }
    }
    ticket {
      ...QueueTicketFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"CheckInBooking"}) as unknown as TypedDocumentString<CheckInBookingMutation, CheckInBookingMutationVariables>;
export const BookingUpdatesDocument = new TypedDocumentString(`
    subscription BookingUpdates($after: String) {
  myUpdates(after: $after) {
    cursor
    kind
    at
  }
}
    `, {"operationName":"BookingUpdates"}) as unknown as TypedDocumentString<BookingUpdatesSubscription, BookingUpdatesSubscriptionVariables>;
export const MyCasesDocument = new TypedDocumentString(`
    query MyCases($state: CaseState, $first: Int, $after: String) {
  myCases(state: $state, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CaseListItem
      }
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}`, {"operationName":"MyCases"}) as unknown as TypedDocumentString<MyCasesQuery, MyCasesQueryVariables>;
export const CaseByNumberDocument = new TypedDocumentString(`
    query CaseByNumber($number: String!) {
  caseByNumber(number: $number) {
    ...CaseDetail
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}`, {"operationName":"CaseByNumber"}) as unknown as TypedDocumentString<CaseByNumberQuery, CaseByNumberQueryVariables>;
export const CentreCasesDocument = new TypedDocumentString(`
    query CentreCases($centreCode: String!, $states: [CaseState!], $first: Int, $after: String) {
  centreCases(
    centreCode: $centreCode
    states: $states
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CaseListItem
      }
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}`, {"operationName":"CentreCases"}) as unknown as TypedDocumentString<CentreCasesQuery, CentreCasesQueryVariables>;
export const CentreCaseSummaryDocument = new TypedDocumentString(`
    query CentreCaseSummary($centreCode: String!) {
  centreCaseSummary(centreCode: $centreCode) {
    counts {
      state
      count
    }
    overdue
  }
}
    `, {"operationName":"CentreCaseSummary"}) as unknown as TypedDocumentString<CentreCaseSummaryQuery, CentreCaseSummaryQueryVariables>;
export const CentrePickerDocument = new TypedDocumentString(`
    query CentrePicker($filter: CentreFilter, $first: Int) {
  centres(filter: $filter, first: $first) {
    edges {
      node {
        ...CaseCentre
        district
        address
      }
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}`, {"operationName":"CentrePicker","anonymous":true}) as unknown as TypedDocumentString<CentrePickerQuery, CentrePickerQueryVariables>;
export const NearestCentreDocument = new TypedDocumentString(`
    query NearestCentre($lat: Float!, $lng: Float!) {
  nearbyCentres(lat: $lat, lng: $lng, withinMinutes: 60, first: 1) {
    centre {
      ...CaseCentre
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}`, {"operationName":"NearestCentre","get":true,"anonymous":true}) as unknown as TypedDocumentString<NearestCentreQuery, NearestCentreQueryVariables>;
export const SubmitCaseDocument = new TypedDocumentString(`
    mutation SubmitCase($input: SubmitCaseInput!) {
  submitCase(input: $input) {
    case {
      ...CaseDetail
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"SubmitCase"}) as unknown as TypedDocumentString<SubmitCaseMutation, SubmitCaseMutationVariables>;
export const OpenCounterCaseDocument = new TypedDocumentString(`
    mutation OpenCounterCase($input: OpenCounterCaseInput!) {
  openCounterCase(input: $input) {
    case {
      ...CaseDetail
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"OpenCounterCase"}) as unknown as TypedDocumentString<OpenCounterCaseMutation, OpenCounterCaseMutationVariables>;
export const AdvanceCaseDocument = new TypedDocumentString(`
    mutation AdvanceCase($input: AdvanceCaseInput!) {
  advanceCase(input: $input) {
    case {
      ...CaseDetail
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"AdvanceCase"}) as unknown as TypedDocumentString<AdvanceCaseMutation, AdvanceCaseMutationVariables>;
export const StaffLoginDocument = new TypedDocumentString(`
    mutation StaffLogin($username: String!, $password: String!) {
  staffLogin(username: $username, password: $password) {
    tokens {
      ...AuthTokensFields
    }
    staff {
      ...StaffAccount
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment StaffAccount on StaffMember {
  id
  username
  displayName
  role
  centre {
    ...CaseCentre
  }
}
fragment AuthTokensFields on AuthTokens {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"StaffLogin"}) as unknown as TypedDocumentString<StaffLoginMutation, StaffLoginMutationVariables>;
export const StaffMeDocument = new TypedDocumentString(`
    query StaffMe {
  me {
    role
    staff {
      ...StaffAccount
    }
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment StaffAccount on StaffMember {
  id
  username
  displayName
  role
  centre {
    ...CaseCentre
  }
}`, {"operationName":"StaffMe"}) as unknown as TypedDocumentString<StaffMeQuery, StaffMeQueryVariables>;
export const MyUpdatesDocument = new TypedDocumentString(`
    subscription MyUpdates($after: String) {
  myUpdates(after: $after) {
    ...CaseUpdate
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}
fragment CaseUpdate on StreamUpdate {
  cursor
  kind
  at
  case {
    ...CaseDetail
  }
  caseEntry {
    ...CaseStep
  }
}`, {"operationName":"MyUpdates"}) as unknown as TypedDocumentString<MyUpdatesSubscription, MyUpdatesSubscriptionVariables>;
export const CaseProgressDocument = new TypedDocumentString(`
    subscription CaseProgress($caseId: ID!, $after: String) {
  caseProgress(caseId: $caseId, after: $after) {
    ...CaseUpdate
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}
fragment CaseUpdate on StreamUpdate {
  cursor
  kind
  at
  case {
    ...CaseDetail
  }
  caseEntry {
    ...CaseStep
  }
}`, {"operationName":"CaseProgress"}) as unknown as TypedDocumentString<CaseProgressSubscription, CaseProgressSubscriptionVariables>;
export const CentreUpdatesDocument = new TypedDocumentString(`
    subscription CentreUpdates($centreCode: String!, $after: String) {
  centreUpdates(centreCode: $centreCode, after: $after) {
    ...CaseUpdate
  }
}
    fragment CaseCentre on Centre {
  code
  name
  shortName
}
fragment CaseStep on CaseTimelineEntry {
  action
  fromState
  toState
  stateName
  at
  actorKind
  note
}
fragment CaseListItem on Case {
  id
  number
  state
  stateName
  channel
  submittedAt
  promisedDate
  overdue
  collectForward
  matter {
    code
    name
  }
  collectingCentre {
    ...CaseCentre
  }
  acceptingCentre {
    ...CaseCentre
  }
}
fragment CaseDetail on Case {
  ...CaseListItem
  finishedAt
  rejectReason
  materials {
    name
    provided
    byECertificate
  }
  timeline {
    ...CaseStep
  }
  availableActions
}
fragment CaseUpdate on StreamUpdate {
  cursor
  kind
  at
  case {
    ...CaseDetail
  }
  caseEntry {
    ...CaseStep
  }
}`, {"operationName":"CentreUpdates"}) as unknown as TypedDocumentString<CentreUpdatesSubscription, CentreUpdatesSubscriptionVariables>;
export const DepartmentsDocument = new TypedDocumentString(`
    query Departments {
  departments {
    code
    name
    fullName
  }
}
    `, {"operationName":"Departments","get":true,"anonymous":true}) as unknown as TypedDocumentString<DepartmentsQuery, DepartmentsQueryVariables>;
export const MattersDocument = new TypedDocumentString(`
    query Matters($filter: MatterFilter, $first: Int, $after: String) {
  matters(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...MatterListItem
      }
    }
  }
}
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}`, {"operationName":"Matters","anonymous":true}) as unknown as TypedDocumentString<MattersQuery, MattersQueryVariables>;
export const MatterDocument = new TypedDocumentString(`
    query Matter($code: String!) {
  matter(code: $code) {
    ...MatterListItem
    summary
    department {
      code
      name
      fullName
    }
    materials {
      name
      eCertificate
    }
  }
}
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}`, {"operationName":"Matter","anonymous":true}) as unknown as TypedDocumentString<MatterQuery, MatterQueryVariables>;
export const CentresDocument = new TypedDocumentString(`
    query Centres($filter: CentreFilter, $first: Int, $after: String) {
  centres(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CentreListItem
      }
    }
  }
}
    fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}`, {"operationName":"Centres","anonymous":true}) as unknown as TypedDocumentString<CentresQuery, CentresQueryVariables>;
export const CentreDocument = new TypedDocumentString(`
    query Centre($code: String!) {
  centre(code: $code) {
    ...CentreListItem
    districtCode
    phone
    location {
      latitude
      longitude
      approximate
    }
    parent {
      code
      name
    }
    branches {
      code
      name
      address
      addressApproximate
    }
    openingHours {
      ...OpeningHoursFields
    }
  }
}
    fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}
fragment OpeningHoursFields on OpeningHours {
  date
  dayType
  isOpenDay
  opensAt
  closesAt
  holidayName
  isMakeupWorkday
  calendarKnown
  source
  note
}`, {"operationName":"Centre","anonymous":true}) as unknown as TypedDocumentString<CentreQuery, CentreQueryVariables>;
export const CentreMattersDocument = new TypedDocumentString(`
    query CentreMatters($code: String!, $first: Int, $after: String) {
  centre(code: $code) {
    code
    shortName
    matters(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MatterListItem
        }
      }
    }
  }
}
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}`, {"operationName":"CentreMatters","anonymous":true}) as unknown as TypedDocumentString<CentreMattersQuery, CentreMattersQueryVariables>;
export const NearbyCentresDocument = new TypedDocumentString(`
    query NearbyCentres($lat: Float!, $lng: Float!, $withinMinutes: Int!) {
  nearbyCentres(lat: $lat, lng: $lng, withinMinutes: $withinMinutes) {
    distanceMeters
    walkingMinutes
    centre {
      ...CentreListItem
    }
  }
}
    fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}`, {"operationName":"NearbyCentres","anonymous":true}) as unknown as TypedDocumentString<NearbyCentresQuery, NearbyCentresQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($search: String!, $first: Int) {
  matters(filter: {search: $search}, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...MatterListItem
      }
    }
  }
  centres(filter: {search: $search}, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CentreListItem
      }
    }
  }
}
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}
fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}`, {"operationName":"Search","anonymous":true}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const MyCertificatesDocument = new TypedDocumentString(`
    query MyCertificates {
  myCertificates {
    ...MyCertificate
  }
}
    fragment CertificateFieldItem on CertificateField {
  key
  label
  value
  masked
  disclosable
}
fragment MyCertificate on ECertificate {
  id
  kind
  title
  holderName
  issuer
  validFrom
  validUntil
  status
  statusName
  relation
  relationName
  delegate
  fields {
    ...CertificateFieldItem
  }
}`, {"operationName":"MyCertificates"}) as unknown as TypedDocumentString<MyCertificatesQuery, MyCertificatesQueryVariables>;
export const MyCertificateViewsDocument = new TypedDocumentString(`
    query MyCertificateViews($first: Int, $after: String) {
  myCertificateViews(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CertificateViewItem
      }
    }
  }
}
    fragment CertificateViewItem on CertificateView {
  id
  at
  kind
  title
  result
  resultName
  reason
  reasonMessage
  caseNumber
  delegate
  holderName
  delegateName
  idNumberRevealed
  reported
  reportedAt
  clerkName
  centre {
    code
    name
    shortName
  }
  matter {
    code
    name
  }
}`, {"operationName":"MyCertificateViews"}) as unknown as TypedDocumentString<MyCertificateViewsQuery, MyCertificateViewsQueryVariables>;
export const PresentCertificateDocument = new TypedDocumentString(`
    mutation PresentCertificate($input: PresentCertificateInput!) {
  presentCertificate(input: $input) {
    presentation {
      ...CertificatePresentationFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment CertificateFieldItem on CertificateField {
  key
  label
  value
  masked
  disclosable
}
fragment MyCertificate on ECertificate {
  id
  kind
  title
  holderName
  issuer
  validFrom
  validUntil
  status
  statusName
  relation
  relationName
  delegate
  fields {
    ...CertificateFieldItem
  }
}
fragment CertificatePresentationFields on CertificatePresentation {
  token
  expiresAt
  ttlSeconds
  disclosedFields
  qrSvg
  qrVersion
  qrModules
  certificate {
    ...MyCertificate
  }
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"PresentCertificate"}) as unknown as TypedDocumentString<PresentCertificateMutation, PresentCertificateMutationVariables>;
export const ReportCertificateViewDocument = new TypedDocumentString(`
    mutation ReportCertificateView($input: ReportCertificateViewInput!) {
  reportCertificateView(input: $input) {
    view {
      ...CertificateViewItem
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment CertificateViewItem on CertificateView {
  id
  at
  kind
  title
  result
  resultName
  reason
  reasonMessage
  caseNumber
  delegate
  holderName
  delegateName
  idNumberRevealed
  reported
  reportedAt
  clerkName
  centre {
    code
    name
    shortName
  }
  matter {
    code
    name
  }
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"ReportCertificateView"}) as unknown as TypedDocumentString<ReportCertificateViewMutation, ReportCertificateViewMutationVariables>;
export const VerifyCertificateDocument = new TypedDocumentString(`
    mutation VerifyCertificate($input: VerifyCertificateInput!) {
  verifyCertificate(input: $input) {
    verification {
      ...CertificateVerificationFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment CertificateFieldItem on CertificateField {
  key
  label
  value
  masked
  disclosable
}
fragment CertificateVerificationFields on CertificateVerification {
  id
  result
  resultName
  reason
  reasonMessage
  kind
  title
  holderName
  delegateName
  relation
  status
  validUntil
  fields {
    ...CertificateFieldItem
  }
  caseNumber
  at
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"VerifyCertificate"}) as unknown as TypedDocumentString<VerifyCertificateMutation, VerifyCertificateMutationVariables>;
export const CertificateUpdatesDocument = new TypedDocumentString(`
    subscription CertificateUpdates($after: String) {
  myUpdates(after: $after) {
    cursor
    kind
    at
  }
}
    `, {"operationName":"CertificateUpdates"}) as unknown as TypedDocumentString<CertificateUpdatesSubscription, CertificateUpdatesSubscriptionVariables>;
export const LegalDocumentDocument = new TypedDocumentString(`
    query LegalDocument($kind: LegalDocumentKind!) {
  legalDocument(kind: $kind) {
    ...LegalDocumentFields
  }
}
    fragment LegalDocumentFields on LegalDocument {
  kind
  version
  title
  effectiveDate
  sections {
    heading
    paragraphs
  }
}`, {"operationName":"LegalDocument"}) as unknown as TypedDocumentString<LegalDocumentQuery, LegalDocumentQueryVariables>;
export const MyConsentsDocument = new TypedDocumentString(`
    query MyConsents {
  myConsents {
    ...ConsentStatusFields
  }
}
    fragment LegalDocumentFields on LegalDocument {
  kind
  version
  title
  effectiveDate
  sections {
    heading
    paragraphs
  }
}
fragment ConsentStatusFields on ConsentStatus {
  pending {
    ...LegalDocumentFields
  }
  records {
    document
    title
    version
    channel
    acceptedAt
  }
}`, {"operationName":"MyConsents"}) as unknown as TypedDocumentString<MyConsentsQuery, MyConsentsQueryVariables>;
export const AcceptConsentsDocument = new TypedDocumentString(`
    mutation AcceptConsents($documents: [ConsentInput!]!) {
  acceptConsents(documents: $documents) {
    status {
      ...ConsentStatusFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment LegalDocumentFields on LegalDocument {
  kind
  version
  title
  effectiveDate
  sections {
    heading
    paragraphs
  }
}
fragment ConsentStatusFields on ConsentStatus {
  pending {
    ...LegalDocumentFields
  }
  records {
    document
    title
    version
    channel
    acceptedAt
  }
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"AcceptConsents"}) as unknown as TypedDocumentString<AcceptConsentsMutation, AcceptConsentsMutationVariables>;
export const RequestAccountErasureCodeDocument = new TypedDocumentString(`
    mutation RequestAccountErasureCode {
  requestAccountErasureCode {
    sent
    resendAfterSeconds
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"RequestAccountErasureCode"}) as unknown as TypedDocumentString<RequestAccountErasureCodeMutation, RequestAccountErasureCodeMutationVariables>;
export const EraseAccountDocument = new TypedDocumentString(`
    mutation EraseAccount($code: String!) {
  eraseAccount(code: $code) {
    erased
    sessionsEnded
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"EraseAccount"}) as unknown as TypedDocumentString<EraseAccountMutation, EraseAccountMutationVariables>;
export const MyDataExportDocument = new TypedDocumentString(`
    query MyDataExport {
  myDataExport {
    fileName
    generatedAt
    json
  }
}
    `, {"operationName":"MyDataExport"}) as unknown as TypedDocumentString<MyDataExportQuery, MyDataExportQueryVariables>;
export const MatterGuideDocument = new TypedDocumentString(`
    query MatterGuide($code: String!) {
  matter(code: $code) {
    code
    name
    cityWide
    guide {
      unknownNotice
      conditions {
        ...GuideFactFields
      }
      steps {
        ...GuideFactFields
      }
      fees {
        ...GuideFactFields
      }
      legalBasis {
        ...GuideFactFields
      }
      hours {
        ...GuideFactFields
      }
      sampleForms {
        ...GuideFactFields
      }
      materials {
        name
        originalOrCopy {
          ...GuideFactFields
        }
        count {
          ...GuideFactFields
        }
        eCertificateKnown
        eCertificate
        eCertificateCandidate
      }
      faq {
        known
        items {
          question
          answer
          sourceIds
        }
      }
      sources {
        id
        title
        date
      }
    }
  }
}
    fragment GuideFactFields on GuideFact {
  known
  items
  sourceIds
}`, {"operationName":"MatterGuide","anonymous":true}) as unknown as TypedDocumentString<MatterGuideQuery, MatterGuideQueryVariables>;
export const CentresOfferingDocument = new TypedDocumentString(`
    query CentresOffering($matterCode: String!, $lat: Float, $lng: Float, $district: String, $first: Int! = 10) {
  centresOffering(
    matterCode: $matterCode
    lat: $lat
    lng: $lng
    district: $district
    first: $first
  ) {
    distanceMeters
    centre {
      ...CentreLinks
    }
  }
}
    fragment CentreLinks on Centre {
  code
  name
  district
  address
  addressApproximate
  phone
  phoneUri
  amapUrl
  geoUri
  location {
    approximate
  }
}`, {"operationName":"CentresOffering"}) as unknown as TypedDocumentString<CentresOfferingQuery, CentresOfferingQueryVariables>;
export const CentreLinksByCodeDocument = new TypedDocumentString(`
    query CentreLinksByCode($code: String!) {
  centre(code: $code) {
    ...CentreLinks
  }
}
    fragment CentreLinks on Centre {
  code
  name
  district
  address
  addressApproximate
  phone
  phoneUri
  amapUrl
  geoUri
  location {
    approximate
  }
}`, {"operationName":"CentreLinksByCode","anonymous":true}) as unknown as TypedDocumentString<CentreLinksByCodeQuery, CentreLinksByCodeQueryVariables>;
export const RequestLoginCodeDocument = new TypedDocumentString(`
    mutation RequestLoginCode($phone: String!) {
  requestLoginCode(phone: $phone) {
    sent
    expiresInSeconds
    resendAfterSeconds
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"RequestLoginCode"}) as unknown as TypedDocumentString<RequestLoginCodeMutation, RequestLoginCodeMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($phone: String!, $code: String!) {
  login(phone: $phone, code: $code) {
    tokens {
      ...AuthTokensFields
    }
    resident {
      ...ResidentAccount
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment ResidentAccount on Resident {
  id
  phone
  realName
  idNumber
  verified
  verifiedAt
}
fragment AuthTokensFields on AuthTokens {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"Login"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshTokenDocument = new TypedDocumentString(`
    mutation RefreshToken($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) {
    tokens {
      ...AuthTokensFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment AuthTokensFields on AuthTokens {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"RefreshToken"}) as unknown as TypedDocumentString<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout($refreshToken: String) {
  logout(refreshToken: $refreshToken) {
    ok
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"Logout"}) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const VerifyRealNameDocument = new TypedDocumentString(`
    mutation VerifyRealName($name: String!, $idNumber: String!, $consentVersion: String) {
  verifyRealName(
    name: $name
    idNumber: $idNumber
    consentVersion: $consentVersion
  ) {
    resident {
      ...ResidentAccount
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment ResidentAccount on Resident {
  id
  phone
  realName
  idNumber
  verified
  verifiedAt
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"VerifyRealName"}) as unknown as TypedDocumentString<VerifyRealNameMutation, VerifyRealNameMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    role
    verified
    resident {
      ...ResidentAccount
    }
  }
}
    fragment ResidentAccount on Resident {
  id
  phone
  realName
  idNumber
  verified
  verifiedAt
}`, {"operationName":"Me"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const PersonalDataDocument = new TypedDocumentString(`
    query PersonalData {
  me {
    resident {
      personalData {
        ...PersonalDataFields
      }
    }
  }
}
    fragment PersonalDataFields on PersonalData {
  phone
  realName
  idNumber
}`, {"operationName":"PersonalData"}) as unknown as TypedDocumentString<PersonalDataQuery, PersonalDataQueryVariables>;
export const QueueStatusDocument = new TypedDocumentString(`
    query QueueStatus($centre: String!) {
  queueStatus(centre: $centre) {
    ...QueueBoardFields
  }
}
    fragment QueueCallFields on QueueCall {
  number
  queueLetter
  window
  calledAt
  recalls
}
fragment QueueBoardFields on QueueBoard {
  centreCode
  centreName
  queues {
    letter
    name
    waiting
    estimatedWaitMinutes
    averageServiceMinutes
  }
  serving {
    ...QueueCallFields
  }
  recentCalls {
    ...QueueCallFields
  }
  announcement {
    ...QueueCallFields
  }
  updatedAt
}`, {"operationName":"QueueStatus"}) as unknown as TypedDocumentString<QueueStatusQuery, QueueStatusQueryVariables>;
export const QueueBoardDocument = new TypedDocumentString(`
    subscription QueueBoard($centre: String!) {
  queueBoard(centre: $centre) {
    ...QueueBoardFields
  }
}
    fragment QueueCallFields on QueueCall {
  number
  queueLetter
  window
  calledAt
  recalls
}
fragment QueueBoardFields on QueueBoard {
  centreCode
  centreName
  queues {
    letter
    name
    waiting
    estimatedWaitMinutes
    averageServiceMinutes
  }
  serving {
    ...QueueCallFields
  }
  recentCalls {
    ...QueueCallFields
  }
  announcement {
    ...QueueCallFields
  }
  updatedAt
}`, {"operationName":"QueueBoard"}) as unknown as TypedDocumentString<QueueBoardSubscription, QueueBoardSubscriptionVariables>;
export const MyQueuePositionDocument = new TypedDocumentString(`
    subscription MyQueuePosition {
  myQueuePosition {
    ...QueueTicketFields
  }
}
    fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"MyQueuePosition"}) as unknown as TypedDocumentString<MyQueuePositionSubscription, MyQueuePositionSubscriptionVariables>;
export const CentreQueueDocument = new TypedDocumentString(`
    query CentreQueue($centre: String!, $states: [TicketState!]) {
  centreQueue(centre: $centre, states: $states) {
    ...QueueTicketFields
  }
}
    fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"CentreQueue"}) as unknown as TypedDocumentString<CentreQueueQuery, CentreQueueQueryVariables>;
export const IssueWalkInTicketDocument = new TypedDocumentString(`
    mutation IssueWalkInTicket($input: IssueWalkInTicketInput!) {
  issueWalkInTicket(input: $input) {
    ticket {
      ...QueueTicketFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"IssueWalkInTicket"}) as unknown as TypedDocumentString<IssueWalkInTicketMutation, IssueWalkInTicketMutationVariables>;
export const CallNextDocument = new TypedDocumentString(`
    mutation CallNext($input: CallNextInput!) {
  callNext(input: $input) {
    ticket {
      ...QueueTicketFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"CallNext"}) as unknown as TypedDocumentString<CallNextMutation, CallNextMutationVariables>;
export const RecallTicketDocument = new TypedDocumentString(`
    mutation RecallTicket($input: TicketActionInput!) {
  recallTicket(input: $input) {
    ticket {
      ...QueueTicketFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"RecallTicket"}) as unknown as TypedDocumentString<RecallTicketMutation, RecallTicketMutationVariables>;
export const SkipTicketDocument = new TypedDocumentString(`
    mutation SkipTicket($input: TicketActionInput!) {
  skipTicket(input: $input) {
    ticket {
      ...QueueTicketFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"SkipTicket"}) as unknown as TypedDocumentString<SkipTicketMutation, SkipTicketMutationVariables>;
export const FinishTicketDocument = new TypedDocumentString(`
    mutation FinishTicket($input: TicketActionInput!) {
  finishTicket(input: $input) {
    ticket {
      ...QueueTicketFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment QueueTicketFields on QueueTicket {
  id
  number
  state
  stateName
  priority
  priorityReason
  window
  recalls
  issuedAt
  calledAt
  finishedAt
  queueLetter
  queueName
  ahead
  estimatedWaitMinutes
}`, {"operationName":"FinishTicket"}) as unknown as TypedDocumentString<FinishTicketMutation, FinishTicketMutationVariables>;
export const CaseRatingDocument = new TypedDocumentString(`
    query CaseRating($caseNumber: String!) {
  caseRating(caseNumber: $caseNumber) {
    caseNumber
    ratable
    rating {
      ...RatingFields
      followUp {
        ...FollowUpFields
      }
    }
  }
}
    fragment FollowUpFields on RatingFollowUp {
  id
  state
  stateName
  openedAt
  dueDate
  overdue
  contactNote
  cause
  resolution
  resolvedAt
  appeal
  appealedAt
  appealAnswer
  closedAt
  canAppeal
  canResolve
}
fragment RatingFields on Rating {
  id
  channel
  level
  levelName
  comment
  createdAt
  caseNumber
  window
  mark
  markName
  markReason
  indicators {
    indicator
    indicatorName
    level
    levelName
  }
}`, {"operationName":"CaseRating"}) as unknown as TypedDocumentString<CaseRatingQuery, CaseRatingQueryVariables>;
export const RateCaseDocument = new TypedDocumentString(`
    mutation RateCase($input: RateCaseInput!) {
  rateCase(input: $input) {
    rating {
      ...RatingFields
      followUp {
        ...FollowUpFields
      }
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment FollowUpFields on RatingFollowUp {
  id
  state
  stateName
  openedAt
  dueDate
  overdue
  contactNote
  cause
  resolution
  resolvedAt
  appeal
  appealedAt
  appealAnswer
  closedAt
  canAppeal
  canResolve
}
fragment RatingFields on Rating {
  id
  channel
  level
  levelName
  comment
  createdAt
  caseNumber
  window
  mark
  markName
  markReason
  indicators {
    indicator
    indicatorName
    level
    levelName
  }
}`, {"operationName":"RateCase"}) as unknown as TypedDocumentString<RateCaseMutation, RateCaseMutationVariables>;
export const AppealRatingDocument = new TypedDocumentString(`
    mutation AppealRating($input: AppealRatingInput!) {
  appealRating(input: $input) {
    followUp {
      ...FollowUpFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment FollowUpFields on RatingFollowUp {
  id
  state
  stateName
  openedAt
  dueDate
  overdue
  contactNote
  cause
  resolution
  resolvedAt
  appeal
  appealedAt
  appealAnswer
  closedAt
  canAppeal
  canResolve
}`, {"operationName":"AppealRating"}) as unknown as TypedDocumentString<AppealRatingMutation, AppealRatingMutationVariables>;
export const CentreSatisfactionDocument = new TypedDocumentString(`
    query CentreSatisfaction($code: String!) {
  centreSatisfaction(centreCode: $code) {
    ...SatisfactionFields
  }
}
    fragment SatisfactionFields on SatisfactionFigures {
  ratingCount
  satisfiedCount
  satisfactionRate
}`, {"operationName":"CentreSatisfaction"}) as unknown as TypedDocumentString<CentreSatisfactionQuery, CentreSatisfactionQueryVariables>;
export const DeviceStaffLoginDocument = new TypedDocumentString(`
    mutation DeviceStaffLogin($username: String!, $password: String!) {
  staffLogin(username: $username, password: $password) {
    tokens {
      ...AuthTokensFields
    }
    staff {
      id
      displayName
      role
      centre {
        code
        name
      }
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment AuthTokensFields on AuthTokens {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"DeviceStaffLogin"}) as unknown as TypedDocumentString<DeviceStaffLoginMutation, DeviceStaffLoginMutationVariables>;
export const DeviceStaffMeDocument = new TypedDocumentString(`
    query DeviceStaffMe {
  me {
    role
    staff {
      id
      displayName
      role
      centre {
        code
        name
      }
    }
  }
}
    `, {"operationName":"DeviceStaffMe"}) as unknown as TypedDocumentString<DeviceStaffMeQuery, DeviceStaffMeQueryVariables>;
export const RatingTabletDocument = new TypedDocumentString(`
    query RatingTablet($centre: String!, $window: String!) {
  ratingTablet(centreCode: $centre, window: $window) {
    centreCode
    window
    clerk {
      id
      displayName
    }
  }
}
    `, {"operationName":"RatingTablet"}) as unknown as TypedDocumentString<RatingTabletQuery, RatingTabletQueryVariables>;
export const SetServingWindowDocument = new TypedDocumentString(`
    mutation SetServingWindow($window: String!) {
  setServingWindow(window: $window) {
    tablet {
      window
      clerk {
        id
        displayName
      }
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"SetServingWindow"}) as unknown as TypedDocumentString<SetServingWindowMutation, SetServingWindowMutationVariables>;
export const RateAtCounterDocument = new TypedDocumentString(`
    mutation RateAtCounter($input: RateAtCounterInput!) {
  rateAtCounter(input: $input) {
    rating {
      id
      level
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"RateAtCounter"}) as unknown as TypedDocumentString<RateAtCounterMutation, RateAtCounterMutationVariables>;
export const RatingFollowUpsDocument = new TypedDocumentString(`
    query RatingFollowUps($state: RatingFollowUpState, $first: Int, $after: String) {
  ratingFollowUps(state: $state, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...FollowUpFields
        rating {
          id
          level
          levelName
          channel
          caseNumber
          window
        }
      }
    }
  }
}
    fragment FollowUpFields on RatingFollowUp {
  id
  state
  stateName
  openedAt
  dueDate
  overdue
  contactNote
  cause
  resolution
  resolvedAt
  appeal
  appealedAt
  appealAnswer
  closedAt
  canAppeal
  canResolve
}`, {"operationName":"RatingFollowUps"}) as unknown as TypedDocumentString<RatingFollowUpsQuery, RatingFollowUpsQueryVariables>;
export const RatingFollowUpDocument = new TypedDocumentString(`
    query RatingFollowUp($id: ID!) {
  ratingFollowUp(id: $id) {
    ...FollowUpFields
    rating {
      ...RatingFields
      clerk {
        displayName
      }
    }
  }
}
    fragment FollowUpFields on RatingFollowUp {
  id
  state
  stateName
  openedAt
  dueDate
  overdue
  contactNote
  cause
  resolution
  resolvedAt
  appeal
  appealedAt
  appealAnswer
  closedAt
  canAppeal
  canResolve
}
fragment RatingFields on Rating {
  id
  channel
  level
  levelName
  comment
  createdAt
  caseNumber
  window
  mark
  markName
  markReason
  indicators {
    indicator
    indicatorName
    level
    levelName
  }
}`, {"operationName":"RatingFollowUp"}) as unknown as TypedDocumentString<RatingFollowUpQuery, RatingFollowUpQueryVariables>;
export const ResolveRatingFollowUpDocument = new TypedDocumentString(`
    mutation ResolveRatingFollowUp($input: ResolveRatingFollowUpInput!) {
  resolveRatingFollowUp(input: $input) {
    followUp {
      ...FollowUpFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment FollowUpFields on RatingFollowUp {
  id
  state
  stateName
  openedAt
  dueDate
  overdue
  contactNote
  cause
  resolution
  resolvedAt
  appeal
  appealedAt
  appealAnswer
  closedAt
  canAppeal
  canResolve
}`, {"operationName":"ResolveRatingFollowUp"}) as unknown as TypedDocumentString<ResolveRatingFollowUpMutation, ResolveRatingFollowUpMutationVariables>;
export const MarkRatingDocument = new TypedDocumentString(`
    mutation MarkRating($input: MarkRatingInput!) {
  markRating(input: $input) {
    rating {
      ...RatingFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
fragment RatingFields on Rating {
  id
  channel
  level
  levelName
  comment
  createdAt
  caseNumber
  window
  mark
  markName
  markReason
  indicators {
    indicator
    indicatorName
    level
    levelName
  }
}`, {"operationName":"MarkRating"}) as unknown as TypedDocumentString<MarkRatingMutation, MarkRatingMutationVariables>;