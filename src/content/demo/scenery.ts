// SVG building blocks for the demo photographs: the light of four times of day, sky and land.
import type { Random } from './random.ts'

export type TimeOfDay = 'dawn' | 'day' | 'dusk' | 'night'

export const WIDTH = 1920
export const HEIGHT = 1280

export interface Palette {
  sky: readonly string[]
  light: string
  lightY: number
  lightR: number
  cloud: string
  far: string
  near: string
  water: string
  buildings: string
  windows: number
}

export const PALETTES: Record<TimeOfDay, Palette> = {
  dawn: {
    sky: ['#27345f', '#7d5a8c', '#f0946b', '#ffd9a0'],
    light: '#fff1c1',
    lightY: 0.56,
    lightR: 64,
    cloud: '#f7c1a8',
    far: '#8a6f93',
    near: '#2a2440',
    water: '#6c6f9a',
    buildings: '#2a2440',
    windows: 0.12,
  },
  day: {
    sky: ['#2f74c0', '#5e9ddc', '#a9d3f2', '#e3f2fb'],
    light: '#fffbe6',
    lightY: 0.16,
    lightR: 56,
    cloud: '#ffffff',
    far: '#9bb8c9',
    near: '#35603b',
    water: '#3f7fb0',
    buildings: '#52627a',
    windows: 0,
  },
  dusk: {
    sky: ['#1b1f45', '#5e2d5f', '#c9485b', '#f4a04d'],
    light: '#ffcf70',
    lightY: 0.58,
    lightR: 78,
    cloud: '#e07a6b',
    far: '#6a3a5c',
    near: '#1a1226',
    water: '#70405e',
    buildings: '#1a1226',
    windows: 0.3,
  },
  night: {
    sky: ['#050816', '#0c1736', '#1a2a55', '#2b3c6c'],
    light: '#f4f1de',
    lightY: 0.17,
    lightR: 34,
    cloud: '#3a4670',
    far: '#1f2a4a',
    near: '#080b16',
    water: '#0f1a33',
    buildings: '#080b16',
    windows: 0.45,
  },
}

export function sky(p: Palette): string {
  const stops = p.sky
    .map((color, i) => `<stop offset="${i / (p.sky.length - 1)}" stop-color="${color}"/>`)
    .join('')
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">${stops}</linearGradient><radialGradient id="glow"><stop offset="0" stop-color="${p.light}" stop-opacity="0.7"/><stop offset="1" stop-color="${p.light}" stop-opacity="0"/></radialGradient><filter id="soft" filterUnits="userSpaceOnUse" x="0" y="0" width="${WIDTH}" height="${HEIGHT * 0.55}"><feGaussianBlur stdDeviation="8"/></filter></defs><rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>`
}

export function stars(rng: Random): string {
  return Array.from({ length: 160 }, () => {
    const r = rng.float(0.6, 1.8, 1)
    return `<circle cx="${rng.int(0, WIDTH)}" cy="${rng.int(0, HEIGHT * 0.6)}" r="${r}" fill="#fff" opacity="${rng.float(0.3, 1, 2)}"/>`
  }).join('')
}

export function light(p: Palette, x: number): string {
  const y = p.lightY * HEIGHT
  return `<circle cx="${x}" cy="${y}" r="${p.lightR * 6}" fill="url(#glow)"/><circle cx="${x}" cy="${y}" r="${p.lightR}" fill="${p.light}"/>`
}

export function clouds(rng: Random, p: Palette, time: TimeOfDay): string {
  const count = time === 'night' ? 2 : rng.int(3, 6)
  const groups = Array.from({ length: count }, () => {
    const cx = rng.int(0, WIDTH)
    const cy = rng.int(HEIGHT * 0.08, HEIGHT * 0.4)
    const puffs = Array.from({ length: rng.int(4, 7) }, () => {
      const rx = rng.int(60, 170)
      return `<ellipse cx="${cx + rng.int(-180, 180)}" cy="${cy + rng.int(-25, 25)}" rx="${rx}" ry="${Math.round(rx * rng.float(0.3, 0.5, 2))}"/>`
    })
    return `<g fill="${p.cloud}" opacity="${rng.float(0.45, 0.8, 2)}">${puffs.join('')}</g>`
  })
  return `<g filter="url(#soft)">${groups.join('')}</g>`
}

/** A smooth ridge line across the picture, filled down to the bottom edge. */
export function ridge(rng: Random, baseY: number, amplitude: number, color: string): string {
  const points: [number, number][] = []
  for (let x = -100; x < WIDTH + 400; x += rng.int(140, 260)) {
    points.push([x, baseY - rng.next() * amplitude])
  }
  let d = `M-100,${HEIGHT} L${points[0]?.[0]},${points[0]?.[1]}`
  for (let i = 1; i < points.length - 1; i++) {
    const [x, y] = points[i] as [number, number]
    const [nx, ny] = points[i + 1] as [number, number]
    d += ` Q${x},${round(y)} ${round((x + nx) / 2)},${round((y + ny) / 2)}`
  }
  return `<path d="${d} L${WIDTH + 400},${HEIGHT} Z" fill="${color}"/>`
}

export function water(p: Palette, top: number): string {
  return `<defs><linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mix(p.water, '#ffffff', 0.25)}"/><stop offset="1" stop-color="${mix(p.water, '#000000', 0.35)}"/></linearGradient></defs><rect y="${top}" width="${WIDTH}" height="${HEIGHT - top}" fill="url(#water)"/>`
}

export function ripples(rng: Random, top: number, x: number, color: string): string {
  return Array.from({ length: 40 }, () => {
    const y = rng.int(top + 6, HEIGHT)
    const spread = (y - top) * 0.6 + 40
    const w = rng.int(30, 160)
    return `<rect x="${x + rng.int(-spread, spread) - w / 2}" y="${y}" width="${w}" height="3" fill="${color}" opacity="${rng.float(0.15, 0.5, 2)}"/>`
  }).join('')
}

export function trees(rng: Random, color: string, baseY: number): string {
  const shapes = Array.from({ length: rng.int(8, 16) }, () => {
    const x = rng.int(0, WIDTH)
    const h = rng.int(60, 160)
    const y = baseY + rng.int(-20, 40)
    return `<path d="M${x},${y - h} L${x - h / 4},${y} L${x + h / 4},${y} Z"/>`
  })
  return `<g fill="${mix(color, '#000000', 0.3)}">${shapes.join('')}</g>`
}

/** Snow on a peak, kept inside the slopes that run down to its two neighbouring valleys. */
export function snowCap(peak: Point, left: Point, right: Point): string {
  const a = lerp(peak, left, 0.26)
  const c = lerp(peak, right, 0.22)
  const notches = [
    lerp(lerp(a, c, 0.3), peak, 0.25),
    lerp(a, c, 0.55),
    lerp(lerp(a, c, 0.8), peak, 0.2),
  ]
  const d = [peak, a, ...notches, c].map(([x, y]) => `${round(x)},${round(y)}`).join(' L')
  return `<path d="M${d} Z"/>`
}

export type Point = readonly [number, number]

export function lerp(from: Point, to: Point, t: number): Point {
  return [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]
}

export function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16)
  const parts = [0, 1, 2].map((i) => Math.round(channel(a, i) * (1 - t) + channel(b, i) * t))
  return `#${parts.map((v) => v.toString(16).padStart(2, '0')).join('')}`
}

export function round(n: number): number {
  return Math.round(n * 100) / 100
}
