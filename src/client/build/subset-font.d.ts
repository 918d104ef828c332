/** The part of subset-font's API the build uses (the package ships no types). */
declare module 'subset-font' {
  interface Options {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    /** Per axis tag: a fixed value, or a range to keep (HarfBuzz's instancer) */
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    /** OpenType layout feature tags to keep (default: all) */
    keepFeatures?: string[];
  }
  export default function subsetFont(font: Buffer, text: string, options?: Options): Promise<Buffer>;
}
