/** Messages of the shared form parts, English. Same keys as nl.ts. */
const en = {
  form: {
    summaryTitle: 'Something went wrong',
    summaryIntro: 'Please correct this. Choose an item to go to the question.',
    titleErrors: '{count} error | {count} errors',
  },
};
export default en;
