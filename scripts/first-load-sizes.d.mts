/** Types for first-load-sizes.mjs (the size budget spec and the benchmark use it). */
export interface Bytes {
  raw: number;
  gzip: number;
}
export interface RouteSize {
  route: string;
  js: Bytes;
  css: Bytes;
  keys: string[];
  files: string[];
}
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export declare const STAFF_MODULE: RegExp;
export declare function isStaffRoute(route: string): boolean;
export declare function readManifest(distDir?: string): Record<string, ManifestChunk>;
export declare function firstLoadSizes(distDir?: string): RouteSize[];
