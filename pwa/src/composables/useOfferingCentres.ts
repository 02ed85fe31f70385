import { computed, onMounted, ref, toValue, type MaybeRefOrGetter } from 'vue'
import { useGeolocation } from '@/composables/useGeolocation'
import { useQuery } from '@/composables/useQuery'
import { CentresOfferingDocument } from '@/graphql'

/**
 * 在哪里办: the centres that offer a matter, nearest first from the device's location when
 * the resident has already allowed it (never asked unprompted), else by the chosen district.
 * `locate()` asks for the location on a tap.
 */
export function useOfferingCentres(matterCode: MaybeRefOrGetter<string>, first: number) {
  const { coords, failure, locating, locate } = useGeolocation()
  const district = ref('')

  onMounted(async () => {
    try {
      const permission = await navigator.permissions?.query({ name: 'geolocation' })
      if (permission?.state === 'granted') await locate()
    } catch {
      // No Permissions API: wait for a tap.
    }
  })

  const variables = computed(() => ({
    matterCode: toValue(matterCode),
    lat: coords.value?.latitude ?? null,
    lng: coords.value?.longitude ?? null,
    district: coords.value ? null : district.value || null,
    first,
  }))
  const query = useQuery(CentresOfferingDocument, variables, {
    enabled: () => Boolean(toValue(matterCode)) && !locating.value,
  })
  const centres = computed(() => query.data.value?.centresOffering ?? [])
  return { ...query, centres, coords, failure, locating, locate, district }
}
