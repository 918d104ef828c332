/**
 * Arabic (العربية), right to left: a start with the words of the page frame and the first
 * pages. Every key that is not here falls back to Dutch (vue-i18n `fallbackLocale`), so a page
 * is never empty; the keys here must exist in nl.ts with the same {placeholders} (ar.test.ts).
 * Choosing Arabic sets <html lang="ar" dir="rtl"> (i18n/index.ts); the layout uses logical CSS
 * properties, and test/e2e/rtl.spec.ts checks that no control is clipped or overlaps another.
 *
 * A translator should check and complete this file before Arabic is offered to residents.
 */
import type { MessageSchema } from './nl';

/** Any part of the Dutch tree: a language that may start small. */
export type PartialMessages<T = MessageSchema> = {
  [K in keyof T]?: T[K] extends string ? string : PartialMessages<T[K]>;
};

const ar: PartialMessages = {
  app: {
    skipLink: 'انتقل إلى المحتوى',
  },
  common: {
    retry: 'حاول مرة أخرى',
  },
  header: {
    home: '{name}، إلى صفحة البداية',
    menu: 'القائمة الرئيسية',
    loggedInAs: 'تم تسجيل الدخول باسم {name}',
    logout: 'تسجيل الخروج',
    loggingOut: 'جارٍ تسجيل الخروج',
  },
  footer: {
    language: 'اللغة',
    accessibility: 'إمكانية الوصول',
    contact: 'أسئلة؟ اتصل بالرقم {phone}.',
  },
  start: {
    pageTitle: 'مرحبًا',
  },
  applications: {
    pageTitle: 'طلباتي',
  },
  detail: {
    pageTitle: 'الطلب',
  },
  appointments: {
    pageTitle: 'مواعيدي',
    bookTitle: 'حجز موعد',
  },
  accessibility: {
    pageTitle: 'إمكانية الوصول',
  },
};

export default ar;
