import { ref, shallowRef } from 'vue'
import { failureFromCode, type LocateFailure } from '@/utils/geolocation'

export interface Coordinates {
  latitude: number
  longitude: number
}

/** One-shot position from navigator.geolocation, with the reason when it fails. */
export function useGeolocation() {
  const coords = shallowRef<Coordinates | null>(null)
  const failure = ref<LocateFailure | null>(null)
  const locating = ref(false)

  function locate(): Promise<void> {
    coords.value = null
    failure.value = null
    if (!window.isSecureContext) {
      failure.value = 'insecure'
      return Promise.resolve()
    }
    if (!('geolocation' in navigator)) {
      failure.value = 'unsupported'
      return Promise.resolve()
    }
    locating.value = true
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          coords.value = {
            latitude: position.coords.latitude,
            longitude: position.coords.longitude,
          }
          locating.value = false
          resolve()
        },
        (positionError) => {
          failure.value = failureFromCode(positionError.code)
          locating.value = false
          resolve()
        },
        { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
      )
    })
  }

  return { coords, failure, locating, locate }
}
