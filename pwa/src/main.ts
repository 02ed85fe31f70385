import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { enhanceAccessibility } from './a11y/enhance'
import App from './App.vue'
import { applyLocale } from './locales'
import { initElderMode } from './composables/useElderMode'
import { router } from './router'
import { useAuthStore } from './stores/auth'
import { registerServiceWorker } from './sw-register'
import { followSystemColorScheme } from './theme'
import './styles/main.css'
import './styles/dark.css'

followSystemColorScheme()
applyLocale()
// 长辈版 before the first paint, so the page does not jump from small to large text.
initElderMode()
const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
// A refresh token from an earlier visit: get a new access token and the resident's `me`.
void useAuthStore(pinia).restore()
app.use(router)
app.mount('#app')
enhanceAccessibility()

registerServiceWorker()
