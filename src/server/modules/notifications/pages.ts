import { escapeHtml } from '../../escape-html';
/** The small page behind the unsubscribe link in e-mails: Dutch first, English below. */
const TEXTS = {
  ask: {
    nl: 'Wilt u geen berichten van Loket meer per e-mail krijgen? Kies dan de knop. Uw berichten blijven in Loket staan.',
    en: 'Do you no longer want messages from Loket by e-mail? Then choose the button. Your messages stay in Loket.',
  },
  done: {
    nl: 'Klaar. U krijgt geen berichten van Loket meer per e-mail. In Loket kunt u dit weer aanzetten.',
    en: 'Done. You no longer get messages from Loket by e-mail. You can switch it on again in Loket.',
  },
  unknown: {
    nl: 'Deze link werkt niet meer. In Loket kunt u onder Meldingen instellen e-mail uitzetten.',
    en: 'This link no longer works. In Loket you can switch e-mail off under Notification settings.',
  },
};

export function unsubscribePage(state: 'ask' | 'done' | 'unknown', token: string): string {
  const text = TEXTS[state];
  const form =
    state === 'ask'
      ? `<form method="post" action="/api/notifications/email/unsubscribe?token=${encodeURIComponent(token)}"><button type="submit">Geen e-mail meer / No more e-mail</button></form>`
      : '';
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Loket: e-mail</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<main><h1>Loket</h1>
<p>${escapeHtml(text.nl)}</p>
<p lang="en">${escapeHtml(text.en)}</p>
${form}
<p><a href="/">Naar Loket / To Loket</a></p></main>
</body></html>
`;
}
