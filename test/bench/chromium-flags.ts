/**
 * The flags the browser benchmarks start the system Chromium with. Besides the usual quiet
 * ones: new headless Chromium builds the desktop address bar's pop-up (a web page of its own,
 * hundreds of chrome:// files) while the measured page loads; on this 2-core machine that moved
 * a throttled page's first paint 300 to 700 ms later and made runs vary widely (measured for
 * issue 16: first contentful paint of the same page 1.25-1.73 s with it, 0.90-1.04 s without,
 * as in chromium-headless-shell). A phone's browser does not do this inside the page's time.
 */
export const BENCH_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

/**
 * Chromium reads only the last --disable-features: the lists of several flag sets (chrome-
 * launcher's defaults for Lighthouse and ours) merged into one.
 */
export function mergeDisabledFeatures(flags: readonly string[]): string[] {
  const prefix = '--disable-features=';
  const features = flags
    .filter((flag) => flag.startsWith(prefix))
    .flatMap((flag) => flag.slice(prefix.length).split(','));
  return [...flags.filter((flag) => !flag.startsWith(prefix)), `${prefix}${[...new Set(features)].join(',')}`];
}
