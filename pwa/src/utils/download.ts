/**
 * Downloads a file the API serves to the signed-in person only: fetch with the access token
 * (renewed once when the server says it expired), then save the blob through an
 * <a download>. The token never goes into a URL.
 */
import type { ClientAuth } from '@/graphql/client'
import { ApiError, messageForStatus } from '@/graphql/errors'
import { zhCN } from '@/locales/zh-CN'

export async function fetchWithToken(
  url: string,
  auth: ClientAuth,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  accept = 'application/pdf',
): Promise<Blob> {
  const token = await auth.accessToken()
  const get = (bearer: string | null) =>
    fetchImpl(url, {
      headers: {
        accept,
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
    })
  let response: Response
  try {
    response = await get(token)
    if (response.status === 401 && token) response = await get(await auth.renew(token))
  } catch {
    throw new ApiError('network', 'NETWORK_ERROR', zhCN.errors.network)
  }
  if (!response.ok) {
    throw new ApiError('http', `HTTP_${response.status}`, messageForStatus(response.status), {
      status: response.status,
    })
  }
  return response.blob()
}

/** Saves `blob` as `filename` (the browser's download, no new page). */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}
