/** Accessibility statement: English. Same keys as nl.ts (the type makes a missing or extra key a compile error). */
import type nl from './nl';

const en: typeof nl = {
  accessibility: {
    title: 'Accessibility',
    intro:
      'Everyone must be able to use Loket. Also people with a disability. So we build Loket by the accessibility rules for the government: WCAG 2.1 level AA.',
    whatTitle: 'What we do',
    what: {
      keyboard: 'You can do everything with only a keyboard.',
      screenReader: 'Loket works with a screen reader.',
      zoom: 'You can make the text large. You do not have to scroll sideways then.',
      language: 'We write in plain language.',
      languages: 'Loket is available in Dutch and in English.',
    },
    testing: 'We test Loket again and again. With automatic tests and with people.',
    problemTitle: 'Does something not work well?',
    problem: 'Please tell us. Then we will fix it. Call {phone}.',
    website: 'Or visit the website of {name}: {link}',
  },
};

export default en;
