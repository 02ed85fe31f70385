/**
 * The live client (src/graphql/live.ts) and useSubscription: authentication with the
 * session's token, reconnecting, resuming from the last cursor, dropping duplicates.
 * graphql-ws is faked at its Client interface; the last tests run the real graphql-ws over
 * a fake WebSocket, to pin down that its own resubscription after a drop resumes too.
 */
import { type Client, type ClientOptions, createClient as createWsClient, type Sink } from 'graphql-ws/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useSubscription } from '@/composables/useSubscription'
import { CaseProgressDocument, type CaseProgressSubscription, MyUpdatesDocument } from '@/graphql/generated/graphql'
import { classify, createLive, type Live, type LiveAuth, type LiveStatus } from '@/graphql/live'

interface Subscription {
  payload: { query: string; operationName?: string; variables?: Record<string, unknown> }
  sink: Sink
  disposed: boolean
}

class FakeClient {
  subscriptions: Subscription[] = []
  terminated = 0
  constructor(readonly options: ClientOptions) {}
  subscribe = (payload: Subscription['payload'], sink: Sink) => {
    const entry: Subscription = { payload, sink, disposed: false }
    this.subscriptions.push(entry)
    return () => {
      entry.disposed = true
    }
  }
  terminate = () => {
    this.terminated += 1
  }
  on = () => () => {}
  dispose = () => {}
  iterate = () => {
    throw new Error('not used')
  }
  get last(): Subscription {
    const last = this.subscriptions.at(-1)
    if (!last) throw new Error('no subscription')
    return last
  }
  /** The variables as graphql-ws would send them now. */
  sent(index = -1): Record<string, unknown> {
    const entry = this.subscriptions.at(index)
    return JSON.parse(JSON.stringify(entry?.payload)).variables
  }
}

function fakeAuth(tokens: string[] = ['t1', 't2', 't3']) {
  let current = tokens[0] ?? null
  const renewed: (string | null)[] = []
  const auth: LiveAuth = {
    accessToken: vi.fn(async () => current),
    currentAccessToken: () => current,
    renew: vi.fn(async (expired: string) => {
      renewed.push(expired)
      current = tokens[tokens.indexOf(expired) + 1] ?? null
      return current
    }),
    reject: vi.fn(),
  }
  return { auth, renewed }
}

function update(cursor: string) {
  return {
    data: {
      caseProgress: { cursor, kind: 'case.progressed', at: '2026-12-02T08:00:00+08:00', case: null, caseEntry: null },
    },
  }
}

function setup(options: { tokens?: string[]; backoff?: (attempt: number) => number } = {}) {
  const events = new EventTarget()
  const { auth, renewed } = fakeAuth(options.tokens)
  let client: FakeClient | null = null
  const live = createLive({
    url: 'ws://test/graphql',
    auth,
    events,
    backoff: options.backoff ?? ((attempt) => 1000 * 2 ** attempt),
    createClient: (clientOptions) => {
      client = new FakeClient(clientOptions)
      return client as unknown as Client
    },
  })
  const seen: (string | null)[] = []
  const statuses: LiveStatus[] = []
  const errors: string[] = []
  const follow = live.follow(
    CaseProgressDocument,
    { caseId: 'Q2FzZTox' },
    {
      next: (_data, cursor) => seen.push(cursor),
      status: (status) => statuses.push(status),
      error: (error) => errors.push(error.code),
    },
  )
  return { live, client: client as unknown as FakeClient, auth, renewed, events, seen, statuses, errors, follow }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('live client', () => {
  it('subscribes with the document, its variables and no cursor at first', () => {
    const { client } = setup()
    expect(client.subscriptions).toHaveLength(1)
    expect(client.last.payload.operationName).toBe('CaseProgress')
    expect(client.last.payload.query).toContain('subscription CaseProgress')
    expect(client.sent()).toEqual({ caseId: 'Q2FzZTox', after: null })
  })

  it('authenticates in connection_init with the session token, asked afresh per socket', async () => {
    const { client, auth } = setup()
    const params = client.options.connectionParams as () => Promise<Record<string, unknown>>
    expect(await params()).toEqual({ authorization: 'Bearer t1' })
    expect(auth.accessToken).toHaveBeenCalledTimes(1)
    await params() // a reconnect asks again (the session refreshes a token about to expire)
    expect(auth.accessToken).toHaveBeenCalledTimes(2)
  })

  it('resumes from the last cursor after the subscription failed, after a backoff', async () => {
    const { client, seen } = setup()
    client.last.sink.next(update('c1'))
    client.last.sink.next(update('c2'))
    client.last.sink.error({ code: 1011, reason: 'Internal Error' }) // a fatal close
    expect(client.subscriptions).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(client.subscriptions).toHaveLength(1) // still waiting
    await vi.advanceTimersByTimeAsync(1)
    expect(client.subscriptions).toHaveLength(2)
    expect(client.sent()).toEqual({ caseId: 'Q2FzZTox', after: 'c2' })
    expect(client.subscriptions[0]!.disposed).toBe(true)
    expect(seen).toEqual(['c1', 'c2'])
  })

  it("graphql-ws's own resubscription after a reconnect sends the newest cursor", () => {
    const { client } = setup()
    // graphql-ws keeps the payload object and stringifies it again on every reconnect.
    const payload = client.last.payload
    client.last.sink.next(update('c7'))
    expect(JSON.parse(JSON.stringify(payload)).variables.after).toBe('c7')
  })

  it('drops updates whose cursor it has seen: a replay after resuming is not handled twice', async () => {
    const { client, seen } = setup()
    client.last.sink.next(update('c1'))
    client.last.sink.next(update('c2'))
    client.last.sink.complete() // the server went away
    await vi.advanceTimersByTimeAsync(1000)
    client.last.sink.next(update('c2')) // sent again (e.g. by the relay)
    client.last.sink.next(update('c3'))
    client.last.sink.next(update('c3'))
    expect(seen).toEqual(['c1', 'c2', 'c3'])
  })

  it('backs off longer each time, and back to short once updates flow again', async () => {
    const { client } = setup()
    client.last.sink.error({ code: 1011, reason: '' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(client.subscriptions).toHaveLength(2)
    client.last.sink.error({ code: 1011, reason: '' })
    await vi.advanceTimersByTimeAsync(1999)
    expect(client.subscriptions).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(client.subscriptions).toHaveLength(3)
    client.last.sink.next(update('c1'))
    client.last.sink.error({ code: 1011, reason: '' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(client.subscriptions).toHaveLength(4)
  })

  it('an online event cuts the wait short', async () => {
    const { client, events, statuses } = setup({ backoff: () => 60_000 })
    client.last.sink.next(update('c1'))
    client.last.sink.error({ code: 1011, reason: '' })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(client.subscriptions).toHaveLength(1)
    expect(statuses.at(-1)).toBe('reconnecting')
    events.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(client.subscriptions).toHaveLength(2)
    expect(client.sent()).toEqual({ caseId: 'Q2FzZTox', after: 'c1' })
  })

  it("an online event also ends graphql-ws's wait before reconnecting a socket", async () => {
    const { client, events } = setup({ backoff: () => 60_000 })
    let done = false
    void client.options.retryWait!(3).then(() => {
      done = true
    })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(done).toBe(false)
    events.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(true)
  })

  it('drops a socket that was open while the device went offline, once back online', async () => {
    const { client, events } = setup()
    client.options.on!.connected!({} as never, undefined, false)
    events.dispatchEvent(new Event('offline'))
    events.dispatchEvent(new Event('online'))
    expect(client.terminated).toBe(1)
    events.dispatchEvent(new Event('online')) // nothing happened in between
    expect(client.terminated).toBe(1)
  })

  it('on TOKEN_EXPIRED renews the token once, replaces the socket and resumes', async () => {
    const { client, auth, renewed, seen } = setup()
    const params = client.options.connectionParams as () => Promise<Record<string, unknown>>
    await params() // the socket authenticated with t1
    client.last.sink.next(update('c1'))
    const expired = [{ message: '登录已过期', extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } }]
    client.last.sink.error(expired)
    await vi.advanceTimersByTimeAsync(0)
    expect(renewed).toEqual(['t1'])
    expect(client.terminated).toBe(1)
    expect(client.subscriptions).toHaveLength(2)
    expect(client.sent()).toEqual({ caseId: 'Q2FzZTox', after: 'c1' })
    expect(await params()).toEqual({ authorization: 'Bearer t2' })
    client.last.sink.next(update('c2'))
    expect(seen).toEqual(['c1', 'c2'])
    expect(auth.reject).not.toHaveBeenCalled()
  })

  it('several subscriptions meeting TOKEN_EXPIRED share one renewal and one new socket', async () => {
    const { client, live, renewed } = setup()
    live.follow(MyUpdatesDocument, {}, { next: () => {} })
    await (client.options.connectionParams as () => Promise<unknown>)()
    const expired = [{ extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } }]
    client.subscriptions[0]!.sink.error(expired)
    client.subscriptions[1]!.sink.error(expired)
    await vi.advanceTimersByTimeAsync(0)
    expect(renewed).toEqual(['t1'])
    expect(client.terminated).toBe(1)
    expect(client.subscriptions).toHaveLength(4)
  })

  it('stops with the error when the session cannot be renewed', async () => {
    const { client, errors, statuses } = setup({ tokens: ['t1'] })
    await (client.options.connectionParams as () => Promise<unknown>)()
    client.last.sink.error([{ extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } }])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(errors).toEqual(['UNAUTHENTICATED'])
    expect(statuses.at(-1)).toBe('failed')
    expect(client.subscriptions).toHaveLength(1)
  })

  it('renews the token before reconnecting after the server refused it (close 4403)', async () => {
    const { client, renewed } = setup()
    await (client.options.connectionParams as () => Promise<unknown>)()
    client.options.on!.closed!({ code: 4403, reason: 'Forbidden' })
    expect(renewed).toEqual(['t1'])
    const waited = client.options.retryWait!(0)
    await vi.advanceTimersByTimeAsync(1000)
    await waited
    expect(await (client.options.connectionParams as () => Promise<unknown>)()).toEqual({
      authorization: 'Bearer t2',
    })
  })

  it('does not retry what retrying cannot cure (FORBIDDEN, NOT_FOUND ...)', async () => {
    const { client, errors } = setup()
    client.last.sink.next({
      data: null,
      errors: [{ message: '只能订阅本中心的办件。', extensions: { code: 'FORBIDDEN', reason: 'OTHER_CENTRE' } }],
    } as never)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(errors).toEqual(['FORBIDDEN'])
    expect(client.subscriptions).toHaveLength(1)
    expect(client.subscriptions[0]!.disposed).toBe(true)
  })

  it('RESYNC_REQUIRED asks the page to reload and resumes', async () => {
    const events = new EventTarget()
    const { auth } = fakeAuth()
    let client: FakeClient | null = null
    const live = createLive({
      url: 'ws://test/graphql',
      auth,
      events,
      backoff: () => 10,
      createClient: (o) => (client = new FakeClient(o)) as unknown as Client,
    })
    const resync = vi.fn()
    live.follow(CaseProgressDocument, { caseId: 'X' }, { next: () => {}, resync })
    client!.last.sink.next(update('c4'))
    client!.last.sink.error([{ extensions: { code: 'RESYNC_REQUIRED' } }])
    expect(resync).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(10)
    expect(client!.sent()).toEqual({ caseId: 'X', after: 'c4' })
  })

  it('stop() unsubscribes and cancels a pending retry', async () => {
    const { client, follow, statuses } = setup()
    client.last.sink.error({ code: 1011, reason: '' })
    follow.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(client.subscriptions).toHaveLength(1)
    expect(statuses.at(-1)).toBe('stopped')
    client.last.sink.next(update('late')) // from the old subscription: ignored
    expect(follow.cursor()).toBeNull()
  })

  it('signing in or out replaces the socket', async () => {
    const events = new EventTarget()
    const { auth } = fakeAuth()
    const listeners: ((event: { type: string }) => void)[] = []
    auth.subscribe = (listener) => {
      listeners.push(listener)
      return () => {}
    }
    let client: FakeClient | null = null
    createLive({ url: 'ws://x', auth, events, createClient: (o) => (client = new FakeClient(o)) as unknown as Client })
    await (client!.options.connectionParams as () => Promise<unknown>)()
    listeners.forEach((listener) => listener({ type: 'changed' }))
    expect(client!.terminated).toBe(1)
  })

  it('classifies errors', () => {
    expect(classify({ code: 1006, reason: '' }).kind).toBe('retry')
    expect(classify(new Error('x')).kind).toBe('retry')
    expect(classify([{ extensions: { code: 'INTERNAL_ERROR' } }]).kind).toBe('retry')
    expect(classify([{ extensions: { code: 'INVALID_CURSOR' } }]).kind).toBe('badCursor')
    expect(classify([{ extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' } }]).kind).toBe('fatal')
  })
})

describe('useSubscription', () => {
  function fakeLive() {
    const follows: { variables: unknown; handlers: Parameters<Live['follow']>[2]; stopped: boolean }[] = []
    const live: Live = {
      follow: (_document, variables, handlers) => {
        const entry = { variables, handlers: handlers as Parameters<Live['follow']>[2], stopped: false }
        follows.push(entry)
        return {
          stop: () => {
            entry.stopped = true
          },
          cursor: () => null,
        }
      },
    }
    return { live, follows }
  }

  it('follows while its scope lives, waits for variables, restarts when they change', async () => {
    const { live, follows } = fakeLive()
    const caseId = ref<string | null>(null)
    const received: CaseProgressSubscription[] = []
    const scope = effectScope()
    const result = scope.run(() =>
      useSubscription(CaseProgressDocument, () => (caseId.value ? { caseId: caseId.value } : null), {
        onData: (data) => received.push(data),
        live,
      }),
    )!
    expect(follows).toHaveLength(0)
    expect(result.status.value).toBe('idle')
    caseId.value = 'A'
    await nextTick()
    expect(follows).toHaveLength(1)
    expect(follows[0]!.variables).toEqual({ caseId: 'A' })
    follows[0]!.handlers.status?.('live')
    expect(result.status.value).toBe('live')
    follows[0]!.handlers.next(update('c1').data as never, 'c1')
    expect(received).toHaveLength(1)
    caseId.value = 'B'
    await nextTick()
    expect(follows[0]!.stopped).toBe(true)
    expect(follows).toHaveLength(2)
    scope.stop()
    expect(follows[1]!.stopped).toBe(true)
  })
})

// --- the real graphql-ws over a fake WebSocket ------------------------------------------

class FakeSocket {
  static CONNECTING = 0
  static OPEN = 1
  static CLOSING = 2
  static CLOSED = 3
  static sockets: FakeSocket[] = []
  readyState = FakeSocket.CONNECTING
  protocol = 'graphql-transport-ws'
  sent: Record<string, unknown>[] = []
  onopen: (() => void) | null = null
  onmessage: ((event: { data: string }) => void) | null = null
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  constructor(
    readonly url: string,
    readonly protocols: string,
  ) {
    FakeSocket.sockets.push(this)
  }
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  close(code = 1000, reason = '') {
    this.drop(code, reason)
  }
  // server side
  open() {
    this.readyState = FakeSocket.OPEN
    this.onopen?.()
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
  drop(code = 1006, reason = '') {
    if (this.readyState === FakeSocket.CLOSED) return
    this.readyState = FakeSocket.CLOSED
    this.onclose?.({ code, reason, wasClean: false })
  }
}

describe('live client over the real graphql-ws', () => {
  beforeEach(() => {
    FakeSocket.sockets = []
  })

  async function handshake(socket: FakeSocket) {
    socket.open()
    await vi.advanceTimersByTimeAsync(0)
    expect(socket.sent[0]).toMatchObject({ type: 'connection_init' })
    socket.receive({ type: 'connection_ack' })
    await vi.advanceTimersByTimeAsync(0)
  }

  it('resubscribes on the new socket after a drop, from the last cursor, and drops a replay', async () => {
    const { auth } = fakeAuth()
    const live = createLive({
      url: 'ws://test/graphql',
      auth,
      events: new EventTarget(),
      backoff: () => 500,
      createClient: (options) => createWsClient({ ...options, webSocketImpl: FakeSocket }),
    })
    const seen: (string | null)[] = []
    live.follow(CaseProgressDocument, { caseId: 'Q' }, { next: (_d, cursor) => seen.push(cursor) })
    await vi.advanceTimersByTimeAsync(0)
    const first = FakeSocket.sockets[0]!
    await handshake(first)
    expect(first.sent[0]).toMatchObject({ payload: { authorization: 'Bearer t1' } })
    const subscribe = first.sent[1] as { id: string; type: string; payload: { variables: unknown } }
    expect(subscribe).toMatchObject({ type: 'subscribe', payload: { variables: { caseId: 'Q', after: null } } })
    first.receive({ id: subscribe.id, type: 'next', payload: update('c1') })
    first.receive({ id: subscribe.id, type: 'next', payload: update('c2') })

    first.drop(1006) // the network went away
    await vi.advanceTimersByTimeAsync(500)
    const second = FakeSocket.sockets[1]!
    expect(second).toBeDefined()
    await handshake(second)
    const again = second.sent[1] as { id: string; payload: { variables: unknown } }
    expect(again).toMatchObject({ type: 'subscribe', payload: { variables: { caseId: 'Q', after: 'c2' } } })
    second.receive({ id: again.id, type: 'next', payload: update('c2') })
    second.receive({ id: again.id, type: 'next', payload: update('c3') })
    expect(seen).toEqual(['c1', 'c2', 'c3'])
  })

  it('replaces the socket with a fresh token when a subscription meets TOKEN_EXPIRED', async () => {
    const { auth } = fakeAuth()
    const live = createLive({
      url: 'ws://test/graphql',
      auth,
      events: new EventTarget(),
      backoff: () => 500,
      createClient: (options) => createWsClient({ ...options, webSocketImpl: FakeSocket }),
    })
    live.follow(CaseProgressDocument, { caseId: 'Q' }, { next: () => {} })
    await vi.advanceTimersByTimeAsync(0)
    const first = FakeSocket.sockets[0]!
    await handshake(first)
    const subscribe = first.sent[1] as { id: string }
    first.receive({ id: subscribe.id, type: 'next', payload: update('c1') })
    first.receive({
      id: subscribe.id,
      type: 'error',
      payload: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } }],
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(first.readyState).toBe(FakeSocket.CLOSED)
    await vi.advanceTimersByTimeAsync(500)
    const second = FakeSocket.sockets.at(-1)!
    expect(second).not.toBe(first)
    await handshake(second)
    expect(second.sent[0]).toMatchObject({ payload: { authorization: 'Bearer t2' } })
    expect(second.sent[1]).toMatchObject({ type: 'subscribe', payload: { variables: { after: 'c1' } } })
  })
})
