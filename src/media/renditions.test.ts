// Which renditions a photo gets after upload: none wider than needed, the thumbnail first.
import { describe, expect, it } from 'vitest'
import { renditionsFor } from './renditions.ts'

describe('renditionsFor', () => {
  it.each([
    [200, [320]],
    [640, [320, 640]],
    [1000, [320, 640, 960, 1280]],
    [1920, [320, 640, 960, 1280, 1920]],
    [6000, [320, 640, 960, 1280, 1920]],
  ])('gives a %i px wide original the widths %j, in every format', (width, widths) => {
    const wanted = renditionsFor(width)
    expect([...new Set(wanted.map((r) => r.width))].sort((a, b) => a - b)).toEqual(widths)
    expect(wanted).toHaveLength(widths.length * 3)
  })

  it('puts the newsroom thumbnail first', () => {
    expect(renditionsFor(6000)[0]).toEqual({ width: 640, format: 'webp' })
  })
})
