/**
 * Dutch, the product's first language. Written at level B1: short sentences, common words,
 * "u" for the resident, "wij" for the joint service.
 *
 * vue-i18n syntax: {name} is a value filled in by the code; "a | b" chooses by number
 * (singular | plural). Do not use the characters @ $ | { } for anything else.
 * en.ts must have exactly the same keys (the type below and a test check that).
 */
const nl = {
  app: {
    name: 'Loket',
    skipLink: 'Naar de inhoud',
    loading: 'Even geduld. De gegevens worden geladen.',
  },
  common: {
    retry: 'Probeer opnieuw',
  },
  header: {
    home: '{name}, naar de startpagina',
    menu: 'Hoofdmenu',
    loggedInAs: 'Ingelogd als {name}',
    logout: 'Uitloggen',
    loggingOut: 'Bezig met uitloggen',
  },
  footer: {
    language: 'Taal',
    accessibility: 'Toegankelijkheid',
    contact: 'Vragen? Bel {phone}.',
  },
  languages: {
    nl: 'Nederlands',
    en: 'English',
  },
  dates: {
    daysLeft: 'nog {n} dag | nog {n} dagen',
    lastDayToday: 'vandaag is de laatste dag',
    daysLate: '{n} dag te laat | {n} dagen te laat',
    days: '{n} dag | {n} dagen',
    weeks: '{n} week | {n} weken',
  },
  start: {
    pageTitle: 'Welkom',
    title: 'Welkom bij {name}',
    intro:
      'In Loket ziet u uw aanvragen voor bijstand en andere regelingen. U ziet hoe ver wij zijn en wat u nog moet doen. U logt in met DigiD.',
    login: 'Inloggen met DigiD',
    simulated:
      'Dit is een testomgeving. U logt hier in met een simulatie van DigiD, niet met de echte DigiD. Gebruik geen echte gegevens.',
    reasonExpired: 'U bent uitgelogd omdat u een tijd niets deed. Log opnieuw in om verder te gaan.',
    reasonLoggedOut:
      'U bent uitgelogd. Gebruiken ook andere mensen deze computer? Sluit dan alle vensters van de browser.',
    reasonLogoutFailed:
      'Uitloggen is misschien niet gelukt. Sluit alle vensters van de browser. Dan bent u zeker uitgelogd.',
    loginFailed: 'Inloggen is niet gelukt.',
    sessionUnknown: 'Wij konden niet nagaan of u bent ingelogd.',
  },
  nextAction: {
    sendDocuments: 'Stuur uw documenten uiterlijk {date} ({days}).',
    sendDocumentsLate: 'Stuur uw documenten zo snel mogelijk. De laatste dag was {date} ({days}).',
    sendDocumentsNoDate: 'Stuur uw documenten zo snel mogelijk.',
    waitForDecision: 'Besluit verwacht uiterlijk {date}.',
    waitForDecisionNoDate: 'Wij nemen zo snel mogelijk een besluit.',
    objectionPossible: 'Bezwaar maken kan tot en met {date} ({days}).',
    objectionClosed: 'De termijn voor bezwaar is voorbij. De laatste dag was {date}.',
  },
  applications: {
    pageTitle: 'Mijn aanvragen',
    title: 'Mijn aanvragen',
    loading: 'Even geduld. Uw aanvragen worden geladen.',
    empty: 'U heeft geen aanvragen.',
    emptyHint: 'Heeft u iets aangevraagd? Dan ziet u het hier zodra wij uw aanvraag hebben ontvangen.',
    reference: 'Kenmerk',
    submittedOn: 'Aangevraagd op',
    status: 'Status',
    nextStep: 'Wat nu',
  },
  detail: {
    pageTitle: 'Aanvraag',
    title: 'Uw aanvraag',
    loading: 'Even geduld. De aanvraag wordt geladen.',
    notFound: 'Deze aanvraag bestaat niet of is niet van u.',
    back: 'Terug naar mijn aanvragen',
    nextStepTitle: 'Wat moet u doen?',
    nothingToDo: 'U hoeft nu niets te doen.',
    documentsTitle: 'Documenten die wij van u vragen',
    documentRequestedOn: 'Gevraagd op {date}.',
    documentDue: 'Stuur uiterlijk {date} ({days}).',
    documentDueLate: 'De laatste dag was {date} ({days}). Stuur het document zo snel mogelijk.',
    documentRejected: 'Wij kunnen dit document niet gebruiken. Stuur een nieuw document.',
    documentState: {
      open: 'Nog sturen',
      overdue: 'Te laat',
      received: 'Ontvangen',
      accepted: 'Goedgekeurd',
      rejected: 'Afgekeurd',
    },
    termTitle: 'Wanneer krijgt u een besluit?',
    termExpected: 'Wij nemen uiterlijk {date} een besluit.',
    termExtended: 'Wij hebben de termijn met {weeks} verlengd. Dat hebben wij u op {date} laten weten.',
    termExtensionReason: 'De reden: {reason}',
    termSuspendedNow: 'De termijn staat stil tot u de documenten stuurt. Daarom kan deze datum nog later worden.',
    termSuspendedBefore: 'De termijn heeft {days} stilgestaan, omdat wij op documenten van u wachtten.',
    decisionTitle: 'Besluit',
    decisionResult: 'Uitkomst',
    decisionDate: 'Datum besluit',
    decisionLetter: 'Brief',
    decisionResultLabel: {
      granted: 'Toegekend',
      partly_granted: 'Voor een deel toegekend',
      rejected: 'Afgewezen',
      not_processed: 'Niet behandeld, omdat gegevens ontbraken',
    },
    objectionOpen:
      'Bent u het niet eens met het besluit? Dan kunt u bezwaar maken. Dat kan tot en met {date} ({days}).',
    objectionClosed: 'De termijn voor bezwaar is voorbij. De laatste dag was {date}.',
    debtHelpTitle: 'Eerste gesprek over schulden',
    debtHelpDue: 'Wij spreken u uiterlijk {date} voor het eerst ({days}).',
    debtHelpDuePast: 'Het eerste gesprek was uiterlijk {date}.',
    debtHelpUrgent: 'Spoed',
    debtHelpUrgentExplanation:
      'Er is spoed. Bijvoorbeeld omdat u uit uw huis moet, of omdat uw energie of water wordt afgesloten. Daarom spreken wij u binnen 3 werkdagen.',
    historyTitle: 'Wat er met uw aanvraag gebeurde',
    historyOrder: 'Het oudste staat bovenaan.',
    historyCurrent: 'Nu',
  },
  elsewhere: {
    pageTitle: 'Ga naar uw eigen gemeente',
    title: 'U kunt hier (nog) niet terecht',
    notParticipating: 'U woont in {municipality}. Deze gemeente doet niet mee met {consortium}.',
    notYet: 'U woont in {municipality}. Deze gemeente doet mee vanaf {date}.',
    notYetNoDate: 'U woont in {municipality}. Deze gemeente doet nog niet mee.',
    goTo: 'Voor werk en inkomen kunt u terecht bij {name}.',
    phone: 'Telefoon',
    website: 'Website',
  },
  accessibility: {
    pageTitle: 'Toegankelijkheid',
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
    website: 'Of kijk op de website van {name}: {link}'
  },
  notFound: {
    pageTitle: 'Pagina niet gevonden',
    title: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet. Misschien is de link oud, of klopt het adres niet.',
    home: 'Naar de startpagina',
  },
  errors: {
    UNKNOWN: 'Er ging iets mis. Probeer het later nog een keer.',
    NETWORK_ERROR: 'Er is geen verbinding. Kijk of u internet heeft. Probeer het daarna opnieuw.',
    NOT_FOUND: 'Wij kunnen dit niet vinden.',
    UNAUTHENTICATED: 'U bent niet ingelogd. Log opnieuw in.',
    FORBIDDEN: 'U mag dit niet bekijken.',
    RATE_LIMITED: 'U heeft het te vaak geprobeerd. Wacht een paar minuten. Probeer het daarna opnieuw.',
    SERVICE_UNAVAILABLE: 'Loket werkt nu even niet. Probeer het later nog een keer.',
    INTERNAL_ERROR: 'Er ging bij ons iets mis. Probeer het later nog een keer.',
    VALIDATION_FAILED: 'Er klopt iets niet in wat u stuurde.',
    LOGIN_CANCELLED: 'U heeft het inloggen afgebroken.',
    LOGIN_FAILED: 'Probeer het opnieuw.',
    LOGIN_EXPIRED: 'Het inloggen duurde te lang. Probeer het opnieuw.',
    UNKNOWN_RESIDENT: 'Wij kennen u nog niet als klant. Bel ons, dan helpen wij u verder.',
    SESSION_EXPIRED: 'U was een tijd niet actief. Daarom bent u uitgelogd. Log opnieuw in.',
    BAD_REQUEST: 'Er klopt iets niet in wat u stuurde.',
    DATABASE_UNAVAILABLE: 'Loket werkt nu even niet. Probeer het later nog een keer.',
    IDEMPOTENCY_KEY_MISSING: 'Er ging iets mis bij het versturen. Probeer het opnieuw.',
    IDEMPOTENCY_KEY_INVALID: 'Er ging iets mis bij het versturen. Probeer het opnieuw.',
    IDEMPOTENCY_KEY_REUSED: 'Dit is al eens verstuurd met andere inhoud. Stuur het opnieuw als nieuw bericht.',
    IDEMPOTENCY_KEY_IN_USE: 'Dit wordt nu al verstuurd. Wacht even.',
    CASE_CLOSED: 'Over deze aanvraag kunt u geen vragen meer stellen. Bel ons als u een vraag heeft.',
  },
};

export type MessageSchema = typeof nl;
export default nl;
