/**
 * The demo's letters as real PDFs (issue 4, point 6), in plain Dutch: the decision on
 * 999990032's bijzondere bijstand and the request for information to 999990019 (the letter
 * behind the two open document requests). Rendered at seed time, stored through the blob store.
 */
import type { Consortium } from '../../domain/consortium';
import type { IsoDate } from '../../domain/dates';
import { objectionDeadline } from '../../domain/deadlines';
import { dutchDate as formatDutchDate, renderLetter, type LetterContent } from '../modules/documents/letters';
import type { DemoDocumentRequest, DemoResident } from './residents';

function envelope(consortium: Consortium, resident: DemoResident, date: IsoDate, reference: string) {
  const office = consortium.centralOffice;
  return {
    sender: {
      name: consortium.name,
      lines: [
        office.address.street,
        `${office.address.postalCode} ${office.address.city}`,
        `Telefoon ${consortium.phone}`,
        consortium.website,
      ],
    },
    recipient: {
      name: resident.name,
      lines: [resident.address.street, `${resident.address.postalCode} ${resident.address.city}`],
    },
    date,
    reference,
    signature: `Team Werk en Inkomen, ${consortium.shortName}`,
  } satisfies Partial<LetterContent>;
}

export function decisionLetter(
  consortium: Consortium,
  resident: DemoResident,
  demo: { reference: string; schemeName: string; submittedOn: IsoDate; decidedOn: IsoDate; note: string | undefined },
): Promise<Uint8Array> {
  const deadline = objectionDeadline(demo.decidedOn);
  return renderLetter({
    ...envelope(consortium, resident, demo.decidedOn, demo.reference),
    subject: `Besluit over uw aanvraag ${demo.schemeName.toLowerCase()}`,
    paragraphs: [
      `Beste ${resident.name},`,
      `Op ${formatDutchDate(demo.submittedOn)} heeft u ${demo.schemeName.toLowerCase()} aangevraagd. In deze brief leest u wat wij hebben besloten.`,
      `Ons besluit: u krijgt ${demo.schemeName.toLowerCase()}. ${demo.note ?? ''}`.trim(),
      'Wij maken het geld binnen 5 werkdagen over op uw rekening. Verandert er iets in uw situatie? Geef dat dan meteen aan ons door.',
      `Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat moet binnen 6 weken, dus uiterlijk op ${formatDutchDate(deadline)}. Schrijf in uw bezwaar waarom u het niet eens bent. Zet ook het kenmerk van deze brief erin.`,
      `Heeft u vragen? Bel ons op ${consortium.phone}. Of stel uw vraag in Loket.`,
    ],
    footer:
      'Dit besluit is genomen op grond van de Participatiewet. Bezwaar maken kan op grond van artikel 6:7 van de Algemene wet bestuursrecht.',
  });
}

export function informationRequestLetter(
  consortium: Consortium,
  resident: DemoResident,
  demo: { reference: string; sentOn: IsoDate; requests: Array<DemoDocumentRequest & { dueDate: IsoDate }> },
): Promise<Uint8Array> {
  return renderLetter({
    ...envelope(consortium, resident, demo.sentOn, demo.reference),
    subject: 'Wij hebben meer informatie van u nodig',
    paragraphs: [
      `Beste ${resident.name},`,
      'U heeft bijstand aangevraagd. Om uw aanvraag te kunnen beoordelen, hebben wij nog documenten van u nodig:',
      ...demo.requests.map(
        (r) => `- ${r.title.nl}: stuur dit uiterlijk op ${formatDutchDate(r.dueDate)}. ${r.reason.nl}`,
      ),
      'U kunt de documenten sturen in Loket: kies uw aanvraag en dan "Document sturen". Een foto met uw telefoon is goed, als alles goed te lezen is.',
      'Krijgen wij de documenten niet op tijd? Dan kunnen wij uw aanvraag misschien niet behandelen. Zolang wij op uw documenten wachten, staat de termijn voor ons besluit stil.',
      `Lukt het niet om de documenten op tijd te sturen? Bel ons dan op ${consortium.phone}.`,
    ],
    footer:
      'Wij vragen deze informatie op grond van artikel 4:5 van de Algemene wet bestuursrecht (hersteltermijn). De beslistermijn is opgeschort volgens artikel 4:15.',
  });
}
