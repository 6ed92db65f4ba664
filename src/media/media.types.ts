// A media asset as pages show it.
export interface MediaView {
  id: number
  file: string
  width: number
  height: number
  caption: string
  credit: string
  alt: string
  focalX: number
  focalY: number
}
