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
  notifications: () => import('./notifications/en'),
};
