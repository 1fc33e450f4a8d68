// Lint of the frontend: ESLint's and typescript-eslint's recommended rules
// and the Vue plugin's recommended ones for single-file components. The
// generated Wails bindings and the build are not ours to lint.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'src/lib/wailsjs/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // The plugin's layout rules (line breaks, indentation, self-closing)
    // would rewrite every compact template and find no bug; its rules of
    // meaning (essential and the rest of recommended) stay on.
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['e2e/**', '*.config.*', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
)
