// Keyboard shortcuts written TipTap's way ("Mod-Alt-2"), shown and announced for this platform.

const isMac = () =>
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

const SHOWN: Record<string, [mac: string, other: string]> = {
  Mod: ['⌘', 'Ctrl+'],
  Alt: ['⌥', 'Alt+'],
  Shift: ['⇧', 'Shift+'],
}

const ANNOUNCED: Record<string, [mac: string, other: string]> = {
  Mod: ['Meta', 'Control'],
  Alt: ['Alt', 'Alt'],
  Shift: ['Shift', 'Shift'],
}

/** "⌘⌥2" on a Mac, "Ctrl+Alt+2" elsewhere. */
export function showShortcut(shortcut: string): string {
  const mac = isMac()
  return shortcut
    .split('-')
    .map((key) => {
      const names = SHOWN[key]
      return names ? names[mac ? 0 : 1] : key.toUpperCase()
    })
    .join('')
}

/** The aria-keyshortcuts form: "Meta+Alt+2" or "Control+Alt+2". */
export function announceShortcut(shortcut: string): string {
  const mac = isMac()
  return shortcut
    .split('-')
    .map((key) => {
      const names = ANNOUNCED[key]
      return names ? names[mac ? 0 : 1] : key.toUpperCase()
    })
    .join('+')
}

/** Mod-S and friends outside the editor: Cmd on a Mac, Ctrl elsewhere. */
export function isModKey(event: KeyboardEvent, key: string): boolean {
  return (
    (isMac() ? event.metaKey : event.ctrlKey) && !event.altKey && event.key.toLowerCase() === key
  )
}
