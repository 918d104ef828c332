/**
 * Where the English messages of each lazily loaded resident feature come from. The loaders
 * live here, in the app's entry (i18n/index.ts imports this file), and not in the features'
 * own chunks: a dynamic import inside a lazily loaded chunk makes the bundler split Vite's
 * preload helper and more out of the entry, which costs every first load (see area.ts).
 */
export const featureEnglish = {
  appointments: () => import('./appointments/en'),
  documents: () => import('./documents/en'),
  accessLog: () => import('./access-log/en'),
  objection: () => import('./objection/en'),
  notifications: () => import('./notifications/en'),
  applications: () => import('./applications/en'),
  start: () => import('./start/en'),
  accessibility: () => import('./accessibility/en'),
  form: () => import('./form/en'),
  sessionDialogs: () => import('./session-dialogs/en'),
};

/** Arabic, for the features that have a start of it (not offered to residents yet, see index.ts). */
export const featureArabic = {
  applications: () => import('./applications/ar'),
  start: () => import('./start/ar'),
  accessibility: () => import('./accessibility/ar'),
};
