/** Types for ensure-chromium.mjs, so the Playwright config and the bench find the browsers. */
export declare function findChromium(): string | null;
export declare function findHeadlessShell(): string | null;
