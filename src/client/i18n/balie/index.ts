/** The front desk's messages, both languages, merged when /balie or the assist banner appears. */
import en from './en';
import nl from './nl';

export const balieMessages = { nl, en };
