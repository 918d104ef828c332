/**
 * Messages of "Bezwaar maken" (/aanvragen/:id/bezwaar), Dutch B1: how to object against a
 * decision by letter (Awb 6:4, 6:5, 6:7). Loaded with the page only. Plain data only: the
 * build precompiles this file.
 */
const nl = {
  objection: {
    back: 'Terug naar de aanvraag',
    intro: 'Bent u het niet eens met ons besluit? Dan kunt u bezwaar maken. Wij kijken dan opnieuw naar uw aanvraag.',
    laterOnline: 'Bezwaar maken in Loket kan nog niet. Dat formulier komt later. Nu doet u het met een brief.',
    loading: 'Even geduld. De aanvraag wordt geladen.',
    decisionTitle: 'Over welk besluit?',
    scheme: 'Aanvraag',
    reference: 'Kenmerk',
    decidedOn: 'Datum besluit',
    until: 'Bezwaar maken kan tot en met',
    untilValue: '{date} ({days})',
    noDecision: 'Er is nog geen besluit over deze aanvraag. Bezwaar maken kan pas als er een besluit is.',
    closed:
      'De termijn voor bezwaar is voorbij. De laatste dag was {date}. Heeft u toch vragen over het besluit? Bel ons: {phone}.',
    timeTitle: 'Hoeveel tijd heeft u?',
    time: 'U heeft 6 weken, vanaf de dag na het besluit. Zorg dat wij uw brief uiterlijk {date} hebben.',
    timeLaw: 'Dat staat in de wet: de Algemene wet bestuursrecht, artikel 6:7.',
    writeTitle: 'Wat schrijft u in uw brief?',
    writeName: 'Uw naam en adres.',
    writeDate: 'De datum van vandaag.',
    writeWhich: 'Over welk besluit het gaat: kenmerk {reference}, besluit van {date}.',
    writeWhichNoDecision: 'Over welk besluit het gaat: het kenmerk en de datum van het besluit.',
    writeWhy: 'Waarom u het niet eens bent met het besluit. Schrijf het in uw eigen woorden.',
    writeSign: 'Uw handtekening.',
    writeCopy: 'Heeft u de brief met het besluit? Stuur een kopie mee.',
    writeHearing: 'Wilt u uw bezwaar ook uitleggen in een gesprek? Schrijf dat in uw brief.',
    sendTitle: 'Waar stuurt u de brief naartoe?',
    sendTo: 'Stuur uw brief naar:',
    sendDesk: 'U mag de brief ook zelf afgeven bij de balie.',
    helpTitle: 'Hulp nodig?',
    help: 'Bel ons: {phone}. Wij helpen u graag met uw bezwaar.',
  },
};

export type ObjectionMessageSchema = typeof nl;
export default nl;
