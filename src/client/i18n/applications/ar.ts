/** Arabic: a start (see ../ar.ts); what is not here falls back to Dutch. */
import type { PartialMessages } from '../ar';
import type nl from './nl';

const ar: PartialMessages<typeof nl> = {
  applications: {
    empty: 'ليس لديك أي طلبات.',
  },
  detail: {
    title: 'طلبك',
    back: 'العودة إلى طلباتي',
  },
};

export default ar;
