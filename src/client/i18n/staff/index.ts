/** The staff area's messages, both languages (a few KiB), merged when /beheer is entered. */
import en from './en';
import nl from './nl';

export const staffMessages = { nl, en };
