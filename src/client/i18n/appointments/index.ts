/** The appointments pages' messages, merged when a page is set up. */
import { featureEnglish } from '../feature-locales';
import nl from './nl';

// English is loaded when it is the language: a Dutch first load does not carry it.
export const appointmentsMessages = { nl, en: featureEnglish.appointments };
