/** Types for precache-sizes.mjs (the precache budget spec and the benchmark use it). */
export interface PrecachedFile {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}
export declare function precachedFiles(distDir?: string): string[];
export declare function precacheSizes(distDir?: string): {
  files: PrecachedFile[];
  raw: number;
  gzip: number;
  brotli: number;
};
