import { createDiscreteApi } from 'naive-ui'

// A toast outside NaiveRoot's providers (the plain shell): see naive.ts.
const { message } = createDiscreteApi(['message'], {
  configProviderProps: { themeOverrides: { common: { primaryColor: '#0f766e' } } },
})

export function error(text: string) {
  message.error(text)
}
