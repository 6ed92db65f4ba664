// Entry point of the newsroom SPA: mounts the app into the page vite builds.
import { render } from 'preact'
import { App } from './app.tsx'

const root = document.getElementById('app')
if (root) render(<App />, root)
