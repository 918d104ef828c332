/**
 * Messages of the front desk (/balie) and of the assist banner, Dutch B1. Loaded with the
 * front-desk area or the banner only, never in a resident's first load. Plain data only: the
 * build precompiles this file.
 */
const nl = {
  balie: {
    pageTitle: 'Balie',
    loginTitle: 'Balie: inloggen voor medewerkers',
    noAccess: 'Met uw rol kunt u hier niemand helpen. Dat kan een baliemedewerker.',
    checkIn: {
      title: 'Aanmelden voor een afspraak',
      intro:
        'Vraag naar het afspraaknummer. De inwoner ziet het in Loket bij de afspraak, met een QR-code. Of kies de inwoner in de lijst van vandaag.',
      reference: 'Afspraaknummer',
      referenceHint: 'Begint met AFS, bijvoorbeeld AFS-K7M2Q9X. Kleine letters en spaties mogen.',
      referenceMissing: 'Vul het afspraaknummer in.',
      find: 'Afspraak zoeken',
      finding: 'Bezig met zoeken',
      scan: 'QR-code scannen',
      stopScan: 'Stoppen met scannen',
      camera: 'Camerabeeld: houd de QR-code van de inwoner voor de camera',
      cameraFailed: 'De camera werkt niet of u gaf geen toestemming. Typ het afspraaknummer.',
      foundTitle: 'Afspraak {reference}',
      foundWhen: '{type} op {date} om {time}, {place}',
      notToday: 'Deze afspraak is op {date}. Aanmelden kan alleen op de dag van de afspraak.',
      arrive: 'Aanmelden',
      arriving: 'Bezig met aanmelden',
      arriveNamed: '{name} aanmelden',
      arrivedAt: 'Aangemeld om {time}',
      arrivedMessage: '{name} is aangemeld. De klantmanager en de planner zien dat nu.',
      state: { expected: 'Verwacht', arrived: 'Aangemeld', cancelled: 'Afgezegd' },
      todayTitle: 'Afspraken van vandaag',
      place: 'Plaats',
      loading: 'Wij halen de afspraken op.',
      empty: 'Vandaag zijn er geen afspraken in {place}.',
      caption: '{date}, {place}: {n} afspraak | {date}, {place}: {n} afspraken',
      refresh: 'Lijst vernieuwen',
      noPlaces: 'U werkt niet voor een plaats met een balie. Vraag een beheerder om uw rol.',
    },
    search: {
      title: 'Een inwoner helpen',
      intro: 'Zoek de inwoner op met het BSN of met een zaaknummer uit een brief. Vul één van de twee in.',
      bsn: 'BSN',
      bsnHint: '9 cijfers, bijvoorbeeld van het identiteitsbewijs.',
      reference: 'Zaaknummer',
      referenceHint: 'Bijvoorbeeld WI-2026-00001.',
      submit: 'Zoeken',
      searching: 'Bezig met zoeken',
      neither: 'Vul een BSN of een zaaknummer in.',
      both: 'Vul één van de twee in, niet allebei.',
      bsnLength: 'Een BSN heeft 9 cijfers. Kijk of u het hele nummer heeft overgenomen.',
      bsnInvalid: 'Dit BSN bestaat niet. Kijk of u geen cijfer verkeerd heeft overgenomen.',
      notFound:
        'Niemand gevonden. Kijk of het nummer klopt. U vindt alleen inwoners van de gemeenten waarvoor u werkt.',
      found: 'Gevonden',
      foundText: '{name}, {municipality}',
    },
    purpose: {
      legend: 'Waarmee helpt u?',
      walk_in_help: 'Vragen beantwoorden en meekijken',
      upload_documents: 'Documenten sturen',
      appointment: 'Een afspraak maken, verzetten of afzeggen',
      home_visit: 'Een huisbezoek aanvragen',
      other: 'Iets anders',
      missing: 'Kies waarmee u helpt.',
      text: 'Toelichting',
      textHint: 'Verplicht bij "Iets anders". Kort, hoogstens 200 tekens. Schrijf hier geen gegevens over de inwoner.',
      textMissing: 'Schrijf kort waarmee u helpt.',
      textTooLong: 'Dit is te lang. Gebruik hoogstens 200 tekens.',
      start: 'Hulp starten',
      starting: 'Bezig met starten',
      audit: 'De inwoner ziet later in Loket dat een baliemedewerker heeft geholpen, en waarvoor.',
    },
    expired: 'De hulp is gestopt, omdat er een tijd niets gebeurde. Alles van de inwoner is van dit scherm gewist.',
    busy: 'U helpt nu {name}. Beëindig eerst die hulp. Daarna kunt u iemand anders helpen.',
    banner: {
      label: 'Hulp aan de balie',
      helping: 'U helpt {name}',
      purpose: 'Waarvoor: {purpose}',
      end: 'Hulp beëindigen',
      ending: 'Bezig met beëindigen',
    },
  },
};

export type BalieMessageSchema = typeof nl;
export default nl;
