/**
 * Messages of the documents page (/aanvragen/:id/documenten), Dutch B1. Loaded with the page
 * only (documents/messages.ts merges them); the page title and the link to the page are in
 * ../nl.ts because the router and the application page need them first. Plain data only: the
 * build precompiles this file.
 */
const nl = {
  documents: {
    title: 'Documenten voor uw aanvraag',
    back: 'Terug naar de aanvraag',
    loading: 'Even geduld. De documenten worden geladen.',
    requestsTitle: 'Wat wij van u vragen',
    noRequests: 'Wij vragen nu geen documenten van u.',
    why: 'Waarom: {reason}',
    rejectedReason: 'Wij konden het niet gebruiken. De reden: {reason}',
    sent: 'Wat u stuurde',
    sentItem: '{name}, ontvangen op {time}',
    sendThis: 'Stuur dit document',
    ownTitle: 'Wat u zelf stuurde',
    sendTitle: 'Document sturen',
    target: 'Waarvoor is het document?',
    targetOwn: 'Eigen document: iets anders dat u zelf wilt sturen',
    targetMissing: 'Kies eerst waarvoor het document is.',
    ownName: 'Wat voor document is het?',
    ownNameHint: 'Bijvoorbeeld: loonstrook van oktober.',
    ownNameMissing: 'Schrijf eerst wat voor document het is.',
    takePhoto: 'Maak een foto',
    takeAnotherPhoto: 'Maak nog een foto',
    chooseFile: 'Kies een bestand',
    captureHint:
      'Heeft het papier meer bladzijden? Maak dan van elke bladzijde een foto. Wij maken er samen één PDF van.',
    accepted: 'U kunt een PDF sturen, of een foto (JPG, PNG of HEIC). Een bestand mag niet groter zijn dan {size}.',
    listTitle: 'Wat u gaat sturen',
    item: 'Bladzijde {n}: {name}',
    kind: {
      photo: 'Foto',
      pdf: 'PDF',
      heic: 'HEIC-foto',
    },
    preparing: 'Wordt klaargemaakt',
    moveUp: 'Omhoog',
    moveDown: 'Omlaag',
    rotate: 'Draai',
    remove: 'Weghalen',
    action: '{action}: {item}',
    moved: 'Bladzijde {from} is nu bladzijde {to}.',
    rotatedNote: 'Gedraaid.',
    removed: '{name} is weggehaald.',
    planPdf: "Uw {n} foto's worden samen één PDF.",
    heicNote:
      "Foto's in HEIC-formaat (van een iPhone) kunnen wij niet samenvoegen tot één PDF. Wij sturen elke HEIC-foto als een los bestand. Wilt u één PDF? Zet op uw iPhone bij Instellingen, Camera, Formaten: Meest compatibel. Maak de foto's daarna opnieuw.",
    empty: 'Kies eerst een foto of een bestand.',
    problems: 'Haal eerst weg wat wij niet kunnen aannemen.',
    stillPreparing: "Even geduld. Uw foto's worden nog klaargemaakt.",
    send: 'Versturen',
    composing: 'Even geduld. Wij maken uw document klaar.',
    queued: 'Uw document wordt verstuurd. Dat ziet u hieronder.',
    notKept: 'Uw document is niet bewaard. Wat u koos, staat er nog. Probeer het opnieuw.',
    sharedStay:
      'Dit is een computer die ook andere mensen gebruiken. Wij bewaren hier niets. Blijf daarom op deze pagina tot uw document is verstuurd.',
    sendingTitle: 'Wordt verstuurd',
    progressLabel: 'Versturen van {name}',
    percent: '{percent}% verstuurd',
    paused: 'Gepauzeerd, gaat verder als u weer online bent.',
    pausedPersonal: 'U mag Loket sluiten. Wij gaan verder als u Loket weer opent en internet heeft.',
    storageFull:
      'Wij hebben nu geen plek om uw bestand te bewaren. Dat ligt aan ons, niet aan u. Uw bestand blijft hier. Wij proberen het straks opnieuw.',
    checking: 'Alles is aangekomen. Wij controleren uw bestand.',
    received: 'Ontvangen. Dank u wel.',
    takeBack: 'Opnieuw kiezen',
    lettersTitle: 'Brieven van ons',
    noLetters: 'Er zijn nog geen brieven.',
    letterSent: 'Verstuurd op {date}',
    download: '{title} downloaden (PDF, {size})',
  },
};

export type DocumentsMessageSchema = typeof nl;
export default nl;
