import { describe, expect, it } from 'vitest'
import { cropBox, cropSize, cropUrl, focusKey } from './crops.ts'

describe('crops around the focal point', () => {
  it.each([
    // A wide photo cut square keeps its full height and moves across to the point.
    [
      { width: 2400, height: 1200 },
      '1x1',
      { x: 0.5, y: 0.5 },
      { left: 600, top: 0, width: 1200, height: 1200 },
    ],
    [
      { width: 2400, height: 1200 },
      '1x1',
      { x: 0.1, y: 0.5 },
      { left: 0, top: 0, width: 1200, height: 1200 },
    ],
    [
      { width: 2400, height: 1200 },
      '1x1',
      { x: 0.9, y: 0.5 },
      { left: 1200, top: 0, width: 1200, height: 1200 },
    ],
    // A tall photo cut 16:9 keeps its full width and moves down to the point, up to the edge.
    [
      { width: 1200, height: 1600 },
      '16x9',
      { x: 0.5, y: 0.4 },
      { left: 0, top: 303, width: 1200, height: 675 },
    ],
    [
      { width: 1200, height: 1600 },
      '16x9',
      { x: 0.5, y: 1 },
      { left: 0, top: 925, width: 1200, height: 675 },
    ],
    [
      { width: 1920, height: 1280 },
      '4x3',
      { x: 0.5, y: 0.5 },
      { left: 107, top: 0, width: 1707, height: 1280 },
    ],
  ] as const)('cuts %o to %s around %o', (image, ratio, focal, box) => {
    expect(cropBox(image, ratio, focal)).toEqual(box)
  })

  it('never enlarges a photo smaller than the asked width', () => {
    const box = cropBox({ width: 800, height: 600 }, '16x9', { x: 0.5, y: 0.5 })
    expect(cropSize(box, '16x9', 1200)).toEqual({ width: 800, height: 450 })
    expect(cropSize({ left: 0, top: 0, width: 1707, height: 1280 }, '4x3', 1200)).toEqual({
      width: 1200,
      height: 900,
    })
  })

  it('names the focal point in the address, so a moved point is a new address', () => {
    expect(focusKey(0.5, 0.25)).toBe('500-250')
    expect(focusKey(-1, 2)).toBe('0-1000')
    expect(cropUrl({ id: 7, focalX: 0.1234, focalY: 0.5 }, '4x3')).toBe(
      '/media/7/crop/4x3/1200.jpg?focus=123-500',
    )
  })
})
