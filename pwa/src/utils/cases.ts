/** Pure helpers for cases (办件): state tags, merging live updates, masking, downloads. */
import type {
  CaseDetailFragment,
  CaseListItemFragment,
  CaseState,
  CaseStepFragment,
  CaseUpdateFragment,
} from '@/graphql/generated/graphql'

/** Vant tag types: the colour; the tag's text always says the state too. */
export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'default'

const STATE_TAGS: Record<CaseState, { type: TagType; icon: string }> = {
  SUBMITTED: { type: 'primary', icon: 'clock-o' },
  PREREVIEW_PASSED: { type: 'primary', icon: 'passed' },
  NEEDS_SUPPLEMENT: { type: 'warning', icon: 'warning-o' },
  ACCEPTED: { type: 'primary', icon: 'completed-o' },
  FORWARDED: { type: 'primary', icon: 'exchange' },
  PROCESSING: { type: 'primary', icon: 'underway-o' },
  COMPLETED: { type: 'success', icon: 'checked' },
  REJECTED: { type: 'danger', icon: 'close' },
  WITHDRAWN: { type: 'default', icon: 'revoke' },
}

/** Colour and icon of a state's tag (its text is the state's name). */
export function stateTag(state: CaseState): { type: TagType; icon: string } {
  return STATE_TAGS[state]
}

/** Finished: nothing more will happen. 去评价 is offered for COMPLETED and REJECTED. */
export function isFinal(state: CaseState): boolean {
  return state === 'COMPLETED' || state === 'REJECTED' || state === 'WITHDRAWN'
}

export function mayRate(state: CaseState): boolean {
  return state === 'COMPLETED' || state === 'REJECTED'
}

/** "2026-12-02T08:30:00+08:00" -> "2026-12-02 08:30", Shanghai time whatever the phone's. */
export function formatDateTime(value: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/**
 * The case after a live update. The update's own copy of the case is the case as it is now,
 * so it replaces what the page had; its timeline, though, is merged with the page's and the
 * update's step (steps are immutable; one is known by time, action and new state), because
 * a copy may lag behind its own step (the server caches per connection what it loaded for
 * a subscription). Without a copy (no longer readable), the step alone is added.
 */
export function applyUpdate(
  current: CaseDetailFragment | null,
  update: CaseUpdateFragment,
): CaseDetailFragment | null {
  const step = update.caseEntry
  const fresh = update.case
  if (fresh && current && fresh.id !== current.id) return current
  const base = fresh ?? current
  if (!base) return null
  const timeline = mergeSteps([...(current?.timeline ?? []), ...base.timeline, ...(step ? [step] : [])])
  const newest = timeline.at(-1)
  if (!fresh && newest) return { ...base, state: newest.toState, stateName: newest.stateName, timeline }
  return { ...base, timeline }
}

function stepKey(step: CaseStepFragment): string {
  return `${step.at}|${step.action}|${step.toState}`
}

/** Steps once each, oldest first. */
export function mergeSteps(steps: readonly CaseStepFragment[]): CaseStepFragment[] {
  const byKey = new Map<string, CaseStepFragment>()
  for (const step of steps) byKey.set(stepKey(step), step)
  return [...byKey.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/** A list of cases with one replaced (or added on top) by a live update. */
export function mergeIntoList<T extends CaseListItemFragment>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((c) => c.id === item.id)
  if (index === -1) return [item, ...list]
  return list.map((c, i) => (i === index ? item : c))
}

/** 310101199001011234 -> 310101********1234: what the screen shows once entered. */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.replace(/\s/g, '').toUpperCase()
  if (value.length <= 10) return '*'.repeat(value.length)
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`
}

/** The PDF documents of a case, served by the backend (branch `receipts`). */
export type CaseDocument = 'receipt' | 'history'

export function caseDocumentUrl(number: string, kind: CaseDocument): string {
  return `/cases/${encodeURIComponent(number)}/${kind}.pdf`
}

export function caseDocumentFilename(number: string, kind: CaseDocument): string {
  return `${kind === 'receipt' ? '受理回执' : '办件记录'}-${number}.pdf`
}

/**
 * Whether a live update's case belongs on top of a list loaded at `loadedAt` (ms) that does
 * not hold it yet: a subscription starts by catching up on the stream's history, and cases
 * changed before the list was loaded are already placed by the list itself (or are on a
 * later page); only news since then goes on top.
 */
export function isNews(update: Pick<CaseUpdateFragment, 'at'>, loadedAt: number): boolean {
  const at = Date.parse(update.at)
  return Number.isFinite(at) && at >= loadedAt
}
