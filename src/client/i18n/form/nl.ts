/**
 * Messages of the shared form parts (src/client/components/form/), Dutch B1. Loaded with the
 * first page that shows a form, resident or staff. Plain data only: the build precompiles this file.
 */
const nl = {
  form: {
    summaryTitle: 'Er ging iets mis',
    summaryIntro: 'Verbeter dit. Kies een punt om naar de vraag te gaan.',
    titleErrors: '{count} fout | {count} fouten',
  },
};
export default nl;
