/** The access log page's messages, both languages, merged when the page is entered. */
import en from './en';
import nl from './nl';

export const accessLogMessages = { nl, en };
