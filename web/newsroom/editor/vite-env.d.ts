// Vite's client types, so the editor's `import './editor.css'` type-checks.
/// <reference types="vite/client" />
