// Build time only (vite.config.ts): the messages as a module in which every
// message written with vue-i18n's syntax (a {named} or {'literal'} part,
// plural forms, a linked @:key) is already compiled to the function
// vue-i18n would make of it, by vue-i18n's own compiler, and every other
// message stays the string it is. The app then needs no message compiler
// at run time (i18n/index.ts): a plain string is its own text.
import { baseCompile } from '@intlify/message-compiler'

/** Whether a message uses vue-i18n's syntax and so needs compiling. */
export const hasSyntax = (message: string) => /[{}@|]/.test(message)

/** The source of a function compiling one message (a MessageFunction), failing on bad syntax. */
export function compileMessage(message: string, where: string): string {
  const { code } = baseCompile(message, {
    mode: 'arrow',
    location: false,
    onError: (e) => {
      throw new Error(`message ${where}: ${e.message}`)
    },
  })
  return code
}

function emit(value: unknown, where: string): string {
  if (typeof value === 'string') return hasSyntax(value) ? compileMessage(value, where) : JSON.stringify(value)
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${emit(v, where ? `${where}.${k}` : k)}`)
    return `{${parts.join(',')}}`
  }
  throw new Error(`message ${where}: not a string`)
}

/** The module's source: `export default` the messages, precompiled where they need it. */
export function messagesModule(messages: Record<string, unknown>): string {
  return `export default ${emit(messages, '')}\n`
}
