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
  | 'CHECK_IN_CODE_INVALID'
  | 'CONSENT_REQUIRED'
  | 'CONSENT_VERSION_OUTDATED'
  | 'DUPLICATE_BOOKING'
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
  | 'QUERY_TOO_COSTLY'
  | 'QUERY_TOO_DEEP'
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
  | 'TOKEN_EXPIRED'
  | 'TOKEN_INVALID'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_OPERATIONS'
  | 'TOO_MANY_TOKENS'
  | 'UNAUTHENTICATED'
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


export type CentreMattersQuery = { centre: { matters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } } }> } } };

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
}`, {"operationName":"CentrePicker"}) as unknown as TypedDocumentString<CentrePickerQuery, CentrePickerQueryVariables>;
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
}`, {"operationName":"NearestCentre"}) as unknown as TypedDocumentString<NearestCentreQuery, NearestCentreQueryVariables>;
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
    `, {"operationName":"Departments"}) as unknown as TypedDocumentString<DepartmentsQuery, DepartmentsQueryVariables>;
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
}`, {"operationName":"Matters"}) as unknown as TypedDocumentString<MattersQuery, MattersQueryVariables>;
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
}`, {"operationName":"Matter"}) as unknown as TypedDocumentString<MatterQuery, MatterQueryVariables>;
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
}`, {"operationName":"Centres"}) as unknown as TypedDocumentString<CentresQuery, CentresQueryVariables>;
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
}`, {"operationName":"Centre"}) as unknown as TypedDocumentString<CentreQuery, CentreQueryVariables>;
export const CentreMattersDocument = new TypedDocumentString(`
    query CentreMatters($code: String!, $first: Int, $after: String) {
  centre(code: $code) {
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
}`, {"operationName":"CentreMatters"}) as unknown as TypedDocumentString<CentreMattersQuery, CentreMattersQueryVariables>;
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
}`, {"operationName":"NearbyCentres"}) as unknown as TypedDocumentString<NearbyCentresQuery, NearbyCentresQueryVariables>;
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
}`, {"operationName":"Search"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
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
}`, {"operationName":"MatterGuide"}) as unknown as TypedDocumentString<MatterGuideQuery, MatterGuideQueryVariables>;
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
}`, {"operationName":"CentreLinksByCode"}) as unknown as TypedDocumentString<CentreLinksByCodeQuery, CentreLinksByCodeQueryVariables>;
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