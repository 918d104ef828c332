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
    objectionPossible: 'Bezwaar maken kan tot en met {date} ({days}).',
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
    nothingToDo: 'U hoeft nu niets te doen.',
    documentsTitle: 'Documenten die wij van u vragen',
    documentRequestedOn: 'Gevraagd op {date}.',
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
