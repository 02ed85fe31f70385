import { describe, expect, it, vi } from 'vitest'
import type { CaseDetailFragment, CaseStepFragment } from '@/graphql/generated/graphql'
import { CASE_STATES } from '@/graphql/enums'
import { zhCN } from '@/locales/zh-CN'
import {
  applyUpdate,
  caseDocumentUrl,
  formatDateTime,
  isNews,
  maskIdNumber,
  mayRate,
  mergeIntoList,
  stateTag,
} from '@/utils/cases'
import { fetchWithToken } from '@/utils/download'

const step = (action: string, toState: CaseStepFragment['toState'], at: string): CaseStepFragment => ({
  action,
  fromState: null,
  toState,
  stateName: zhCN.cases.stateNames[toState],
  at,
  actorKind: 'STAFF',
  note: '',
})

function aCase(id: string, steps: CaseStepFragment[]): CaseDetailFragment {
  const last = steps.at(-1)!
  return {
    id,
    number: `N-${id}`,
    state: last.toState,
    stateName: last.stateName,
    channel: 'ONLINE',
    submittedAt: steps[0]!.at,
    promisedDate: null,
    overdue: false,
    collectForward: false,
    matter: { code: 'MZ001', name: '敬老卡申领' },
    collectingCentre: { code: 'A', name: 'A 中心', shortName: 'A' },
    acceptingCentre: { code: 'A', name: 'A 中心', shortName: 'A' },
    finishedAt: null,
    rejectReason: null,
    materials: [],
    timeline: steps,
    availableActions: [],
  }
}

describe('case helpers', () => {
  it('every state has a tag colour and a Chinese name (never colour alone)', () => {
    for (const state of CASE_STATES) {
      expect(stateTag(state).type).toBeTruthy()
      expect(zhCN.cases.stateNames[state]).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(mayRate('COMPLETED') && mayRate('REJECTED')).toBe(true)
    expect(mayRate('PROCESSING') || mayRate('WITHDRAWN')).toBe(false)
  })

  it("a live update's case replaces the page's; a bare step is added once", () => {
    const submitted = step('SUBMIT', 'SUBMITTED', '2026-12-02T08:00:00+08:00')
    const accepted = step('ACCEPT', 'ACCEPTED', '2026-12-02T09:00:00+08:00')
    const before = aCase('1', [submitted])
    const now = aCase('1', [submitted, accepted])
    const base = { cursor: 'c', kind: 'case.progressed', at: accepted.at }
    expect(applyUpdate(before, { ...base, case: now, caseEntry: accepted })).toEqual(now)
    expect(applyUpdate(before, { ...base, case: aCase('2', [submitted]), caseEntry: null })).toBe(before)
    const added = applyUpdate(before, { ...base, case: null, caseEntry: accepted })!
    expect(added.timeline).toHaveLength(2)
    expect(added.state).toBe('ACCEPTED')
    expect(applyUpdate(added, { ...base, case: null, caseEntry: accepted })!.timeline).toHaveLength(2)
  })

  it('merges a case into a list in place, or on top when new', () => {
    const one = aCase('1', [step('SUBMIT', 'SUBMITTED', '2026-12-02T08:00:00+08:00')])
    const two = aCase('2', [step('SUBMIT', 'SUBMITTED', '2026-12-02T08:00:00+08:00')])
    const twoLater = aCase('2', [step('ACCEPT', 'ACCEPTED', '2026-12-02T09:00:00+08:00')])
    expect(mergeIntoList([one, two], twoLater).map((c) => c.state)).toEqual(['SUBMITTED', 'ACCEPTED'])
    expect(mergeIntoList([one], two).map((c) => c.id)).toEqual(['2', '1'])
    expect(isNews({ at: '2026-12-02T09:00:00+08:00' }, Date.parse('2026-12-02T01:00:00Z'))).toBe(true)
    expect(isNews({ at: '2026-12-02T08:59:59+08:00' }, Date.parse('2026-12-02T01:00:00Z'))).toBe(false)
  })

  it('masks an ID number, and formats times in Shanghai', () => {
    expect(maskIdNumber('31010119900101123x')).toBe('310101********123X')
    expect(formatDateTime('2026-12-02T00:30:00Z')).toBe('2026-12-02 08:30')
  })
})

describe('case documents', () => {
  const auth = (token: string | null, fresh: string | null = 'fresh') => ({
    accessToken: vi.fn(async () => token),
    currentAccessToken: () => token,
    renew: vi.fn(async () => fresh),
    reject: vi.fn(),
  })

  it('GETs the PDF with the bearer token, never in the URL', async () => {
    const calls: [string, RequestInit | undefined][] = []
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      calls.push([url, init])
      return new Response(new Blob(['%PDF-1.7']), { headers: { 'content-type': 'application/pdf' } })
    }) as typeof fetch
    const blob = await fetchWithToken(caseDocumentUrl('2611-0042', 'receipt'), auth('tok'), fetchImpl)
    expect(await blob.text()).toBe('%PDF-1.7')
    expect(calls).toHaveLength(1)
    expect(calls[0]![0]).toBe('/cases/2611-0042/receipt.pdf')
    expect(new Headers(calls[0]![1]?.headers).get('authorization')).toBe('Bearer tok')
  })

  it('renews the token once on 401, and reports a refusal in Chinese', async () => {
    const tokens: (string | null)[] = []
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      const header = new Headers(init?.headers).get('authorization')
      tokens.push(header)
      return new Response('', { status: header === 'Bearer fresh' ? 403 : 401 })
    }) as typeof fetch
    const session = auth('old')
    await expect(fetchWithToken('/cases/X/history.pdf', session, fetchImpl)).rejects.toMatchObject({
      code: 'HTTP_403',
    })
    expect(tokens).toEqual(['Bearer old', 'Bearer fresh'])
    expect(session.renew).toHaveBeenCalledWith('old')
  })
})

describe('a live update whose copy of the case lags behind its own step', () => {
  it('still shows the step, once, in order', () => {
    const submitted = step('SUBMIT', 'SUBMITTED', '2026-12-02T08:00:00+08:00')
    const accepted = step('ACCEPT', 'ACCEPTED', '2026-12-02T09:00:00+08:00')
    const page = aCase('1', [submitted])
    const stale = { ...aCase('1', [submitted]), state: 'ACCEPTED' as const, stateName: '已受理' }
    const base = { cursor: 'c2', kind: 'case.progressed', at: accepted.at }
    const after = applyUpdate(page, { ...base, case: stale, caseEntry: accepted })!
    expect(after.timeline.map((s) => s.toState)).toEqual(['SUBMITTED', 'ACCEPTED'])
    expect(after.state).toBe('ACCEPTED')
    // the same update again, or an older one arriving late, changes nothing
    const again = applyUpdate(after, { ...base, case: stale, caseEntry: accepted })!
    expect(again.timeline).toHaveLength(2)
    const late = applyUpdate(after, { ...base, case: null, caseEntry: submitted })!
    expect(late.timeline.map((s) => s.toState)).toEqual(['SUBMITTED', 'ACCEPTED'])
  })
})
