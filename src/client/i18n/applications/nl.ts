/**
 * Messages of the applications pages (/aanvragen, /aanvragen/:id): the list, one application with its term, decision, history and questions, Dutch B1. Loaded with those pages only; their page titles (and what other
 * pages share) stay in ../nl.ts, because the router and the header need them first.
 * Plain data only: the build precompiles this file.
 */
const nl = {
  nextAction: {
    sendDocuments: 'Stuur uw documenten uiterlijk {date} ({days}).',
    sendDocumentsLate: 'Stuur uw documenten zo snel mogelijk. De laatste dag was {date} ({days}).',
    sendDocumentsNoDate: 'Stuur uw documenten zo snel mogelijk.',
    waitForDecision: 'Besluit verwacht uiterlijk {date}.',
    waitForDecisionNoDate: 'Wij nemen zo snel mogelijk een besluit.',
    firstConversation: 'Eerste gesprek over uw schulden: uiterlijk {date} ({days}).',
    objectionPossible: 'Er is een besluit. Bent u het er niet mee eens? Dan kunt u tot en met {date} bezwaar maken.',
    objectionClosed: 'De termijn voor bezwaar is voorbij. De laatste dag was {date}.',
  },
  applications: {
    loading: 'Even geduld. Uw aanvragen worden geladen.',
    empty: 'U heeft geen aanvragen.',
    emptyHint: 'Heeft u iets aangevraagd? Dan ziet u het hier zodra wij uw aanvraag hebben ontvangen.',
    reference: 'Kenmerk',
    submittedOn: 'Aangevraagd op',
    status: 'Status',
  },
  detail: {
    title: 'Uw aanvraag',
    loading: 'Even geduld. De aanvraag wordt geladen.',
    back: 'Terug naar mijn aanvragen',
    nextStepTitle: 'Wat moet u doen?',
    nothingToDo: 'U hoeft nu niets te doen. Verandert er iets? Dan krijgt u bericht.',
    documentsTitle: 'Documenten die wij van u vragen',
    decisionTitle: 'Besluit',
    decisionResult: 'Uitkomst',
    decisionLetter: 'Brief',
    decisionResultLabel: {
      granted: 'Toegekend',
      partly_granted: 'Voor een deel toegekend',
      rejected: 'Afgewezen',
      not_processed: 'Niet behandeld, omdat gegevens ontbraken',
    },
    historyTitle: 'Wat er met uw aanvraag gebeurde',
    historyOrder: 'Het oudste staat bovenaan.',
    historyCurrent: 'Nu',
  },
  // "Wat moet u doen?": only things the resident can do, each with a button.
  todo: {
    sendDocuments: 'Stuur de documenten die wij vragen. Dat kan tot en met {date} ({days}).',
    sendDocumentsLate: 'Stuur de documenten die wij vragen zo snel mogelijk. De laatste dag was {date} ({days}).',
    sendDocumentsButton: 'Documenten sturen',
    rejected: 'Wij konden "{title}" niet gebruiken. De reden: {reason}',
    rejectedNoReason: 'het document was niet goed.',
    rejectedReason: 'Wij konden het niet gebruiken. De reden: {reason}',
    bookFirstConversation:
      'Maak een afspraak voor het eerste gesprek over uw schulden. Het gesprek is uiterlijk {date} ({days}).',
    bookFirstConversationButton: 'Afspraak maken',
    urgentWhy:
      'Er is spoed. Bijvoorbeeld omdat u uit uw huis moet, of omdat uw energie of water wordt afgesloten. Daarom spreken wij u binnen 3 werkdagen.',
    alreadyBooked: 'Heeft u al een afspraak? Dan hoeft u niets te doen.',
    callIfNot: 'Lukt het niet? Bel ons: {phone}.',
    readDecision: 'Lees de brief met ons besluit.',
    readDecisionButton: 'Brief lezen',
  },
  // "Belangrijke datums": dates to know and rights, not tasks.
  keyDates: {
    title: 'Belangrijke datums',
    first_conversation: 'Eerste gesprek over uw schulden',
    decision_expected: 'Besluit verwacht',
    decided_on: 'Datum besluit',
    objection_until: 'Bezwaar maken',
    by: 'Uiterlijk {date}',
    byWithDays: 'Uiterlijk {date} ({days})',
    byPast: 'Uiterlijk {date}. Die datum is voorbij.',
    extended: 'Wij hebben de termijn met {weeks} verlengd. Dat hebben wij u op {date} laten weten.',
    extensionReason: 'De reden: {reason}',
    suspendedNow: 'Deze datum schuift op zolang wij op uw documenten wachten.',
    suspendedBefore: 'De termijn heeft {days} stilgestaan, omdat wij op documenten van u wachtten.',
    objectionOpen: 'Kan tot en met {date} ({days}), als u het niet eens bent met het besluit.',
    objectionClosed: 'Kon tot en met {date}. Die termijn is voorbij.',
    objectionHow: 'Zo maakt u bezwaar',
  },
  questions: {
    title: 'Vragen over deze aanvraag',
    label: 'Stel een vraag',
    hint: 'Uw vraag gaat naar de medewerker die uw aanvraag behandelt. Het antwoord ziet u hier.',
    send: 'Verstuur vraag',
    empty: 'Typ eerst uw vraag.',
    notKept: 'Uw vraag is niet bewaard. Uw tekst staat nog in het vak. Probeer het opnieuw.',
    sending: 'Uw vraag wordt verstuurd.',
    sent: 'Uw vraag is verstuurd. Wij geven zo snel mogelijk antwoord.',
    waiting: 'Wacht op verbinding. Wij versturen uw vraag zodra er weer internet is.',
    yours: 'Uw vragen',
    askedAt: 'Gesteld op {time}',
    answer: 'Antwoord',
    answeredAt: 'Beantwoord op {time}',
    noAnswer: 'Nog geen antwoord.',
  },
};

export default nl;
