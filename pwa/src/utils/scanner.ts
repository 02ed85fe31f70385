/**
 * Reading QR codes for the clerk's 验证 page: the browser's own BarcodeDetector where it has
 * one that reads QR codes (Chrome on Android and macOS, Safari), else the `barcode-detector`
 * ponyfill, which runs ZXing compiled to WebAssembly.
 *
 * The ponyfill's default is to fetch `zxing_reader.wasm` from a CDN (jsDelivr) the first
 * time it decodes. We never load code from elsewhere at run time: `setZXingModuleOverrides`
 * gives it a `locateFile` that answers with the .wasm Vite copies into our own build
 * (`?url`: dist/assets/zxing_reader-<hash>.wasm, served by the backend like any asset). The
 * override must be set on the ponyfill's own copy of the ZXing module (it bundles the
 * JavaScript half of zxing-wasm 3.1.3), before the first detector is created.
 * tests/certificates.test.ts checks that the .wasm we ship is the one that JavaScript was
 * built for (ZXING_WASM_SHA256).
 */
import zxingReaderWasm from 'zxing-wasm/reader/zxing_reader.wasm?url'

export interface DetectedCode {
  rawValue: string
  format: string
}

export interface QrDetector {
  detect(source: ImageBitmapSource): Promise<DetectedCode[]>
  /** 'native' or 'zxing' (shown to the clerk, useful when a phone cannot scan). */
  readonly engine: 'native' | 'zxing'
}

/** Where the ZXing module finds its files: the .wasm from our build, nothing else. */
export function locateZXingFile(path: string, prefix: string): string {
  return path.endsWith('.wasm') ? zxingReaderWasm : prefix + path
}

export const ZXING_WASM_URL = zxingReaderWasm

interface NativeDetectorClass {
  new (options?: { formats: string[] }): { detect(source: ImageBitmapSource): Promise<DetectedCode[]> }
  getSupportedFormats(): Promise<string[]>
}

async function nativeDetector(): Promise<QrDetector | null> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector
  if (!Native) return null
  try {
    if (!(await Native.getSupportedFormats()).includes('qr_code')) return null
    const detector = new Native({ formats: ['qr_code'] })
    return { engine: 'native', detect: (source) => detector.detect(source) }
  } catch {
    return null
  }
}

async function zxingDetector(): Promise<QrDetector> {
  const { BarcodeDetector, setZXingModuleOverrides } = await import('barcode-detector/ponyfill')
  setZXingModuleOverrides({ locateFile: locateZXingFile })
  const detector = new BarcodeDetector({ formats: ['qr_code'] })
  return { engine: 'zxing', detect: (source) => detector.detect(source) }
}

let chosen: Promise<QrDetector> | null = null

/** The QR detector for this browser (chosen once, loaded on first use). */
export function qrDetector(): Promise<QrDetector> {
  chosen ??= (async () => (await nativeDetector()) ?? (await zxingDetector()))().catch((error: unknown) => {
    chosen = null
    throw error
  })
  return chosen
}

/** The first QR code's text in an image file (a photo or a screenshot), or null. */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const detector = await qrDetector()
  const bitmap = await createImageBitmap(file)
  try {
    const codes = await detector.detect(bitmap)
    return codes.find((c) => c.rawValue)?.rawValue ?? null
  } finally {
    bitmap.close()
  }
}
