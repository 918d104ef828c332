/** The appointments pages' messages, both languages, merged when a page is set up. */
import en from './en';
import nl from './nl';

export const appointmentsMessages = { nl, en };
