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
    offlineAs: 'Offline: gegevens van {name}',
    outbox: 'Wacht op verzenden ({n})',
    inbox: 'Berichten',
    inboxUnread: 'Berichten, {n} nieuw | Berichten, {n} nieuw',
    notificationSettings: 'Meldingen instellen',
  },
  footer: {
    language: 'Taal',
    accessibility: 'Toegankelijkheid',
    accessLog: 'Wie keek in mijn gegevens',
    contact: 'Vragen? Bel {phone}.',
  },
  languages: {
    nl: 'Nederlands',
    en: 'English',
    ar: 'العربية',
  },
  update: {
    message: 'Er is een nieuwe versie van Loket. Herlaad de pagina om die te gebruiken.',
    messageShared: 'Er is een nieuwe versie van Loket. Maak eerst af waar u mee bezig bent. Herlaad daarna de pagina.',
    reload: 'Nu vernieuwen',
    later: 'Later',
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
  },
  applications: {
    pageTitle: 'Mijn aanvragen',
  },
  detail: {
    pageTitle: 'Aanvraag',
    notFound: 'Deze aanvraag bestaat niet of is niet van u.',
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
    // A request no longer asked for says where it stands, instead of offering to send it again.
    documentStateText: {
      received: 'Wij hebben het ontvangen en kijken of het goed is. U hoeft nu niets te sturen.',
      accepted: 'Het is goedgekeurd. U hoeft niets meer te sturen.',
    },
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
  },
  pageUnavailable: {
    title: 'Deze pagina kan nu niet worden geopend',
    offline:
      'U bent offline, en deze pagina staat nog niet op dit apparaat. Maak verbinding met internet en probeer het opnieuw.',
  },
  notFound: {
    pageTitle: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet. Misschien is de link oud, of klopt het adres niet.',
    home: 'Naar de startpagina',
  },
  device: {
    question: 'Is dit een computer die ook andere mensen gebruiken?',
    hint: 'Bijvoorbeeld in de bibliotheek of op uw werk. Kiest u ja? Dan bewaren wij niets van u op deze computer.',
    yes: 'Ja',
    no: 'Nee',
    shared:
      'Dit is een computer die ook andere mensen gebruiken. Wij bewaren niets van u op deze computer. Log uit als u klaar bent.',
  },
  kiosk: {
    stop: 'Stop en wis',
    stopping: 'Bezig met wissen',
    unsent:
      'Er is nog iets niet verstuurd. Stopt u nu? Dan gaat het verloren. | Er zijn nog {n} dingen niet verstuurd. Stopt u nu? Dan gaan ze verloren.',
  },
  offline: {
    notice: 'U bent offline. U ziet uw gegevens zoals ze eerder waren.',
    lastUpdated: 'Laatst bijgewerkt: {time}',
  },
  outbox: {
    pageTitle: 'Wacht op verzenden',
    intro:
      'Hier ziet u wat u heeft gedaan en of het al is verstuurd. Is er geen internet? Dan versturen wij het zodra er weer verbinding is.',
    introShared:
      'Dit is een computer die ook andere mensen gebruiken. Wat nog niet is verstuurd, gaat verloren als u uitlogt.',
    empty: 'Er wacht niets. Alles is verstuurd.',
    kind: {
      question: 'Vraag over uw aanvraag',
      'cancel-booking': 'Afspraak afzeggen',
      'home-visit': 'Huisbezoek',
      'cancel-home-visit': 'Huisbezoek afzeggen',
      'accept-home-visit': 'Nieuwe datum voor huisbezoek goedkeuren',
      callback: 'Bel mij terug',
      document: 'Document',
      other: 'Bericht',
    },
    createdAt: 'Gemaakt op {time}',
    state: {
      queued: 'Wacht op verzenden',
      waiting: 'Wacht op verbinding',
      waitingForLogin: 'Wacht tot u weer inlogt',
      sending: 'Wordt verstuurd',
      sent: 'Verstuurd',
      failed: 'Niet gelukt. Wij proberen het straks opnieuw.',
      refused: 'Niet verstuurd',
    },
    stale:
      'Dit wacht al meer dan {days} dagen. Open Loket als u internet heeft. Sommige telefoons wissen na 7 dagen wat Loket bewaart.',
    retry: 'Probeer nu opnieuw',
    cancel: 'Niet versturen',
    remove: 'Weghalen uit de lijst',
    callUs: 'Wat kunt u doen? Bel ons: {phone}.',
    application: 'Naar de aanvraag',
  },
  // The rest of this section comes with the documents page (i18n/documents/), not with the app.
  appointments: {
    pageTitle: 'Mijn afspraken',
    bookTitle: 'Afspraak maken',
    detailTitle: 'Afspraak',
    homeVisitTitle: 'Huisbezoek aanvragen',
  },
  objection: {
    pageTitle: 'Bezwaar maken',
  },
  documents: {
    pageTitle: 'Documenten',
    open: 'Alle documenten en brieven',
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
    STORAGE_FULL: 'Wij kunnen dit nu niet bewaren. Probeer het later nog een keer. Wat u invulde, blijft staan.',
    NOT_READY: 'Loket werkt nu even niet. Probeer het over een minuut nog een keer.',
    IDEMPOTENCY_KEY_MISSING: 'Er ging iets mis bij het versturen. Probeer het opnieuw.',
    IDEMPOTENCY_KEY_INVALID: 'Er ging iets mis bij het versturen. Probeer het opnieuw.',
    IDEMPOTENCY_KEY_REUSED: 'Dit is al eens verstuurd met andere inhoud. Stuur het opnieuw als nieuw bericht.',
    IDEMPOTENCY_KEY_IN_USE: 'Dit wordt nu al verstuurd. Wacht even.',
    NOT_DURING_ASSIST: 'Dit kan alleen de inwoner zelf doen, op een eigen telefoon of computer.',
    REAUTH_REQUIRED: 'Log voor de zekerheid opnieuw in. Daarna kunt u dit wijzigen.',
    CASE_CLOSED: 'Over deze aanvraag kunt u geen vragen meer stellen. Bel ons als u een vraag heeft.',
    DOCUMENT_TYPE_NOT_ALLOWED:
      'Dit soort bestand kunnen wij niet aannemen. Stuur een PDF of een foto (JPG, PNG of HEIC).',
    DOCUMENT_TOO_LARGE: 'Dit bestand is te groot. Een bestand mag niet groter zijn dan 20 MB.',
    DOCUMENT_EMPTY: 'Dit bestand is leeg. Kies een ander bestand.',
    DOCUMENT_ENCRYPTED_PDF: 'Deze PDF heeft een wachtwoord. Stuur de PDF zonder wachtwoord.',
    DOCUMENT_UNREADABLE: 'Wij kunnen dit bestand niet openen. Misschien is het kapot. Maak een nieuwe foto of PDF.',
    DOCUMENT_POLYGLOT:
      'Dit bestand kunnen wij niet aannemen. Er zit iets in dat niet in een PDF of foto hoort. Maak een nieuwe foto of PDF.',
    DOCUMENT_INFECTED: 'In dit bestand zit een virus. Wij hebben het niet bewaard. Stuur een ander bestand.',
    SCANNER_UNAVAILABLE: 'Wij kunnen uw bestand nu niet controleren. Probeer het later nog een keer.',
    OUTBOX_ITEM_TOO_OLD:
      'Dit wachtte te lang op een verbinding en is niet verstuurd. Doe het opnieuw als het nog nodig is.',
    DAILY_UPLOAD_LIMIT: 'U heeft vandaag al veel bestanden gestuurd. Probeer het morgen opnieuw. Of bel ons.',
    UPLOAD_NOT_FOUND: 'Wij kunnen uw bestand niet meer vinden. Stuur het opnieuw.',
    UPLOAD_INCOMPLETE: 'Uw bestand is nog niet helemaal verstuurd. Wacht even.',
    UPLOAD_ALREADY_REGISTERED: 'Dit bestand hebben wij al ontvangen.',
    REQUEST_CLOSED: 'Voor deze vraag hebben wij niets meer nodig. Wij hebben uw document al goedgekeurd.',
    REQUEST_TRANSITION_NOT_ALLOWED: 'Dit kan niet bij deze vraag om documenten.',
    MUNICIPALITY_NOT_SERVED:
      'Uw gemeente doet niet mee met deze dienst. Daarom kunt u dit hier niet regelen. Neem contact op met uw eigen gemeente.',
    APPOINTMENT_NOT_ALLOWED:
      'Deze afspraak kunt u alleen maken als u een aanvraag bij ons heeft lopen. Bel ons als u vragen heeft.',
    APPOINTMENT_TYPE_NOT_OFFERED:
      'Deze afspraak kan niet op deze plek of op deze manier. Kies een andere plek of manier.',
    SLOT_NOT_OFFERED: 'Op deze tijd kunt u geen afspraak maken. Kies een andere tijd.',
    SLOT_TAKEN: 'Iemand anders heeft deze tijd net gekozen. Kies een andere tijd.',
    URGENT_CAPACITY_FULL: 'Wij hebben geen spoedafspraak meer vrij. Bel ons nu, dan helpen wij u snel.',
    URGENT_TERM_EXCEEDED:
      'Bij spoed moet het gesprek binnen 3 werkdagen na uw aanvraag zijn. Deze dag is te laat. Kies een eerdere dag, of bel ons.',
    NO_SLOTS_AVAILABLE: 'Er is geen tijd meer vrij. Bel ons, dan maken wij samen een afspraak.',
    CUT_OFF_PASSED: 'Uw afspraak begint binnenkort. U kunt hem nu niet meer online veranderen of afzeggen. Bel ons.',
    APPOINTMENT_CANCELLED: 'Deze afspraak is al afgezegd.',
    APPOINTMENT_REFERENCE_UNKNOWN:
      'Wij vinden geen afspraak met dit nummer. Kijk of het nummer goed is. Het begint met AFS.',
    APPOINTMENT_NOT_TODAY: 'Deze afspraak is niet vandaag. Aanmelden kan alleen op de dag van de afspraak.',
    APPOINTMENT_NOT_IN_PERSON: 'Dit is een afspraak per telefoon of video. Aanmelden aan de balie is niet nodig.',
    LOGOUT_DURING_ASSIST: 'U helpt nu iemand aan de balie. Stop de hulp met de knop Hulp beëindigen.',
    PHONE_NUMBER_INVALID: 'Dit telefoonnummer klopt niet. Vul een Nederlands nummer in, bijvoorbeeld 06 12345678.',
    HOME_VISIT_TRANSITION_NOT_ALLOWED: 'Dit kan niet meer bij dit huisbezoek.',
    STAFF_NOT_AUTHORISED: 'Met dit account kunt u niet inloggen in Loket. Vraag uw beheerder om toegang.',
    EMAIL_NOT_CONFIGURED: 'Berichten per e-mail zijn uit. U krijgt uw berichten in Loket.',
    BSN_INVALID: 'Dit BSN klopt niet. Een BSN heeft 9 cijfers. Kijk of u het goed heeft overgenomen.',
  },
};

export type MessageSchema = typeof nl;
export default nl;
