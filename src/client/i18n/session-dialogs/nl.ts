/**
 * Messages of the dialogs about a session ending (the kiosk's "Bent u er nog?", the warning
 * before the session stops, the warning before leaving with questions not yet sent), Dutch B1.
 * Loaded with those dialogs, which are loaded when they are needed (./index.ts); the header's
 * own words ("Stop en wis") stay in ../nl.ts. Plain data only: the build precompiles this file.
 */
const nl = {
  kiosk: {
    idle: {
      title: 'Bent u er nog?',
      text: 'U deed 3 minuten niets. Straks stopt uw sessie. Dan wissen wij alles van u op deze computer. Wilt u verder? Kies dan Doorgaan.',
      secondsLeft: 'Nog {n} seconde | Nog {n} seconden',
      continue: 'Doorgaan',
    },
  },
  sessionWarning: {
    title: 'Uw sessie stopt bijna',
    idle: 'U deed een tijd niets in Loket. Daarom loggen wij u straks uit. Wilt u verder? Kies dan Ingelogd blijven.',
    absolute: 'U bent al lang ingelogd. Daarom loggen wij u straks uit. Daarna kunt u weer inloggen.',
    kept: 'Typt u een vraag of een verzoek om een huisbezoek? Dan staat wat u typte er weer als u opnieuw inlogt.',
    minutesLeft: 'Nog {n} minuut | Nog {n} minuten',
    secondsLeft: 'Nog {n} seconde | Nog {n} seconden',
    stay: 'Ingelogd blijven',
    understood: 'Ik begrijp het',
  },
  leave: {
    unsent:
      'Uw vraag is nog niet verstuurd. Als u nu stopt, gaat die verloren. | Uw {n} vragen zijn nog niet verstuurd. Als u nu stopt, gaan die verloren.',
    expiry: 'U wordt over 2 minuten uitgelogd, omdat u niets doet.',
    stay: 'Blijf ingelogd',
    leave: 'Toch uitloggen',
  },
};

export type SessionDialogsMessageSchema = typeof nl;
export default nl;
