/** The documents page's messages, both languages, merged when the page is set up. */
import en from './en';
import nl from './nl';

export const documentsMessages = { nl, en };
