/** Arabic: a start (see ../ar.ts); what is not here falls back to Dutch. */
import type { PartialMessages } from '../ar';
import type nl from './nl';

const ar: PartialMessages<typeof nl> = {
  start: {
    title: 'مرحبًا بك في {name}',
    login: 'تسجيل الدخول باستخدام DigiD',
  },
};

export default ar;
