// Debian's Chromium driven by playwright-core, for the few journeys that need a real browser.
import fs from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const browserAvailable = fs.existsSync(CHROMIUM)
if (!browserAvailable) {
  if (process.env.CI === 'true') throw new Error(`Chromium is missing at ${CHROMIUM} and CI=true`)
  console.warn(`Notice: no Chromium at ${CHROMIUM}; browser tests are skipped`)
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
