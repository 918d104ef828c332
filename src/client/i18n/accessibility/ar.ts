/** Arabic: a start (see ../ar.ts); what is not here falls back to Dutch. */
import type { PartialMessages } from '../ar';
import type nl from './nl';

const ar: PartialMessages<typeof nl> = {
  accessibility: {
    title: 'إمكانية الوصول',
  },
};

export default ar;
