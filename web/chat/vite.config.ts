// Builds the chat island into dist/chat/chat.js: one ES module, preact included, under a fixed
// name; the server fingerprints it at start and serves it for a year.
import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/chat', import.meta.url)),
    emptyOutDir: true,
    // No index.html: the room page is the server's, and loads this one entry as a module.
    rolldownOptions: {
      input: fileURLToPath(new URL('./main.tsx', import.meta.url)),
      output: { entryFileNames: 'chat.js', chunkFileNames: 'chat-[name].js' },
    },
  },
})
