/** The objection page's messages, merged when the page is entered. */
import { featureEnglish } from '../feature-locales';
import nl from './nl';

// English is loaded when it is the language: a Dutch first load does not carry it.
export const objectionMessages = { nl, en: featureEnglish.objection };
