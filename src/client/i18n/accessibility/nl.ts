/**
 * Messages of the accessibility statement (/toegankelijkheid), Dutch B1. Loaded with those pages only; their page titles (and what other
 * pages share) stay in ../nl.ts, because the router and the header need them first.
 * Plain data only: the build precompiles this file.
 */
const nl = {
  accessibility: {
    title: 'Toegankelijkheid',
    intro:
      'Iedereen moet Loket kunnen gebruiken. Ook mensen met een beperking. Daarom maken wij Loket volgens de regels voor toegankelijkheid van de overheid: WCAG 2.1 niveau AA.',
    whatTitle: 'Wat wij doen',
    what: {
      keyboard: 'U kunt alles doen met alleen een toetsenbord.',
      screenReader: 'Loket werkt met een schermlezer.',
      zoom: 'U kunt de tekst groot maken. U hoeft dan niet opzij te schuiven.',
      language: 'Wij schrijven in eenvoudige taal.',
      languages: 'Loket is er in het Nederlands en in het Engels.',
    },
    testing: 'Wij testen Loket steeds opnieuw. Met automatische tests en met mensen.',
    problemTitle: 'Werkt iets niet goed?',
    problem: 'Laat het ons weten. Dan lossen wij het op. Bel {phone}.',
    website: 'Of kijk op de website van {name}: {link}',
  },
};

export default nl;
