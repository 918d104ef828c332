/**
 * Messages of "Wie keek in mijn gegevens" (/mijn-gegevens-ingezien), Dutch B1. Loaded with the
 * page only (router-staff.ts). Plain data only: the build precompiles this file.
 */
const nl = {
  accessLog: {
    title: 'Wie keek in mijn gegevens',
    intro:
      'Hier ziet u wie van {consortium} uw gegevens heeft bekeken of veranderd. U ziet per bezoek wie het was, waarom, wanneer en wat die persoon deed. Het nieuwste staat bovenaan.',
    right: 'Dit is uw recht. Zo houdt u zelf in de gaten wat er met uw gegevens gebeurt.',
    rolesOnly: 'U ziet welke functie de medewerker heeft. De naam laten wij niet zien.',
    loading: 'Wij halen de gegevens op.',
    empty: 'Niemand van ons heeft uw gegevens bekeken of veranderd.',
    questions: 'Vindt u iets vreemd? Bel ons: {phone}.',
    visitsTitle: 'Bekeken of veranderd: {n} keer | Bekeken of veranderd: {n} keer',
    sameDay: '{date}, van {from} tot {to}',
    fromTo: 'van {from} tot {to}',
    when: 'Wanneer',
    what: 'Wat',
    why: 'Waarom',
    role: {
      front_desk: 'Een baliemedewerker',
      case_worker: 'Een klantmanager',
      planner: 'Een planner',
      administrator: 'Een beheerder',
    },
    action: {
      search: { case: 'Zocht uw aanvraag op', resident: 'Zocht u op om u te helpen' },
      // front-desk help: what the desk did for you in your own screens
      assist: {
        read: {
          resident: 'Bekeek uw gegevens met u',
          case: 'Bekeek uw aanvragen met u',
          document: 'Bekeek uw documenten met u',
          appointment: 'Bekeek uw afspraken met u',
          home_visit: 'Bekeek uw huisbezoeken met u',
          callback_request: 'Bekeek uw terugbelverzoeken met u',
          access_log: 'Bekeek deze lijst met u',
        },
        create: {
          assist_session: 'Begon u te helpen aan de balie',
          appointment: 'Maakte een afspraak voor u',
          home_visit: 'Vroeg een huisbezoek voor u aan',
          callback_request: 'Vroeg voor u om teruggebeld te worden',
          document: 'Stuurde een document voor u',
          case: 'Stelde voor u een vraag over uw aanvraag',
        },
        update: {
          appointment: 'Verzette of annuleerde uw afspraak',
          home_visit: 'Veranderde uw huisbezoek',
          document: 'Stuurde een document voor u',
        },
        logout: { assist_session: 'Stopte met helpen aan de balie' },
      },
      read: {
        case: 'Bekeek uw aanvraag en uw documenten',
        document: 'Bekeek een document van u',
        appointment: 'Zag uw afspraak in de agenda',
        home_visit: 'Bekeek uw vraag om een huisbezoek',
        question: 'Las uw vragen over uw aanvraag',
      },
      list: { case: 'Zag uw aanvraag in de werklijst' },
      download: { document: 'Opende een document dat u stuurde' },
      create: { document_request: 'Vroeg u om een document' },
      update: {
        document_request: 'Beoordeelde een document dat u stuurde',
        case: 'Veranderde iets aan uw aanvraag',
        home_visit: 'Plande uw huisbezoek of veranderde het',
        question: 'Beantwoordde uw vraag',
      },
      other: 'Bekeek of veranderde uw gegevens',
    },
    purpose: {
      case_handling: 'Om uw aanvraag te behandelen',
      document_check: 'Om uw documenten te controleren',
      walk_in_assistance: 'Om u te helpen aan de balie',
      appointment_planning: 'Om een afspraak of huisbezoek te plannen',
      account_management: 'Voor het beheer van Loket',
      assist_walk_in_help: 'Om u te helpen aan de balie',
      assist_upload_documents: 'Om aan de balie documenten voor u te sturen',
      assist_appointment: 'Om aan de balie een afspraak voor u te maken',
      assist_home_visit: 'Om aan de balie een huisbezoek voor u aan te vragen',
      assist_other: 'Om u te helpen aan de balie (iets anders)',
      none: 'Niet vastgelegd',
    },
  },
};

export type AccessLogMessageSchema = typeof nl;
export default nl;
