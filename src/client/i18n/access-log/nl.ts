/**
 * Messages of "Wie keek in mijn gegevens" (/mijn-gegevens-ingezien), Dutch B1. Loaded with the
 * page only (router-staff.ts). Plain data only: the build precompiles this file.
 */
const nl = {
  accessLog: {
    title: 'Wie keek in mijn gegevens',
    intro: 'Hier ziet u wie van {consortium} uw gegevens heeft bekeken of veranderd. U ziet wanneer, wat en waarom. Het nieuwste staat bovenaan.',
    right: 'Dit is uw recht. Zo houdt u zelf in de gaten wat er met uw gegevens gebeurt.',
    rolesOnly: 'U ziet welke functie de medewerker heeft. De naam laten wij niet zien.',
    loading: 'Wij halen de gegevens op.',
    empty: 'Niemand van ons heeft uw gegevens bekeken of veranderd.',
    questions: 'Vindt u iets vreemd? Bel ons: {phone}.',
    when: 'Wanneer',
    who: 'Wie',
    what: 'Wat',
    why: 'Waarom',
    role: {
      front_desk: 'Een baliemedewerker',
      case_worker: 'Een klantmanager',
      planner: 'Een planner',
      administrator: 'Een beheerder',
    },
    action: {
      search: { case: 'Zocht uw aanvraag op' },
      read: { case: 'Bekeek uw aanvraag en uw documenten', document: 'Bekeek een document van u' },
      download: { document: 'Opende een document dat u stuurde' },
      create: { document_request: 'Vroeg u om een document' },
      update: { document_request: 'Beoordeelde een document dat u stuurde', case: 'Veranderde iets aan uw aanvraag' },
      other: 'Bekeek of veranderde uw gegevens',
    },
    purpose: {
      case_handling: 'Om uw aanvraag te behandelen',
      document_check: 'Om uw documenten te controleren',
      walk_in_assistance: 'Om u te helpen aan de balie',
      appointment_planning: 'Om een afspraak of huisbezoek te plannen',
      account_management: 'Voor het beheer van Loket',
      none: 'Niet vastgelegd',
    },
  },
};

export type AccessLogMessageSchema = typeof nl;
export default nl;
