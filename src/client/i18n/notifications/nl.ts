/**
 * Messages of the inbox (/berichten) and the notification settings (/instellingen/meldingen),
 * Dutch B1. Loaded with those pages only; the menu link and page titles are in ../nl.ts. The
 * texts per event are the e-mails' own (src/domain/notification-texts.ts). Plain data only:
 * the build evaluates this file and ships the precompiled messages, not the import.
 */
import { NOTIFICATION_TEXTS } from '../../../domain/notification-texts';

const nl = {
  inbox: {
    intro: 'Hier ziet u berichten over uw aanvragen, documenten en afspraken. Het nieuwste staat bovenaan.',
    loading: 'Even geduld. Uw berichten worden geladen.',
    empty: 'U heeft nog geen berichten.',
    unreadCount: 'U heeft geen nieuwe berichten. | U heeft 1 nieuw bericht. | U heeft {n} nieuwe berichten.',
    unread: 'Nieuw',
    open: 'Bekijk',
    allRead: 'Alles gelezen',
    offline: 'U bent offline. Dit zijn uw berichten van {date}.',
    settingsLink: 'Meldingen op uw telefoon of per e-mail instellen',
    receivedAt: 'Ontvangen op {date}',
  },
  notificationEvents: NOTIFICATION_TEXTS.nl,
  notifySettings: {
    reauthLogin: 'Opnieuw inloggen',
    intro:
      'Wij laten het u weten als er iets verandert. U ziet elk bericht altijd in Loket. Wilt u het ook op uw telefoon of per e-mail? Zet dat hier aan.',
    loading: 'Even geduld. Uw instellingen worden geladen.',
    pushTitle: 'Meldingen op dit apparaat',
    pushExplain:
      'U krijgt dan een melding: "Er is nieuws in Loket". Er staat niets persoonlijks in. Tik erop om het bericht te lezen.',
    pushOn: 'Meldingen aanzetten op dit apparaat',
    pushBusy: 'Bezig met aanzetten',
    pushOnHere: 'Meldingen staan aan op dit apparaat.',
    pushOffHere: 'Meldingen uitzetten op dit apparaat',
    pushShared:
      'Dit is een computer die ook andere mensen gebruiken. Daarom kunt u hier geen meldingen aanzetten. Doe dat op uw eigen telefoon of computer.',
    pushUnsupported: 'Deze browser kan geen meldingen laten zien. U ziet uw berichten wel in Loket.',
    pushDenied:
      'U heeft meldingen voor Loket geblokkeerd in uw browser. Wilt u ze toch? Sta meldingen toe in de instellingen van uw browser.',
    pushFailed: 'Het aanzetten is niet gelukt. Probeer het later opnieuw.',
    devicesTitle: 'Apparaten met meldingen',
    devicesNone: 'Nog geen apparaten.',
    deviceSince: 'Sinds {date}',
    revoke: 'Stoppen op {name}',
    emailTitle: 'Berichten per e-mail',
    emailOff: 'Berichten per e-mail zijn uit bij {consortium}. U ziet uw berichten in Loket.',
    emailExplain: 'U krijgt dan een e-mail als er nieuws is. In het onderwerp staat niets persoonlijks.',
    emailAddress: 'Uw e-mailadres',
    emailSend: 'Stuur mij een bevestiging',
    emailPending: 'Wij hebben een e-mail gestuurd naar {address}. Klik op de link in die e-mail. Dan staat e-mail aan.',
    emailActive: 'Wij sturen e-mail naar {address}.',
    emailConfirmed: 'Uw e-mailadres is bevestigd. E-mail staat aan.',
    emailExpired: 'Deze link werkt niet meer. Vul uw e-mailadres opnieuw in.',
    emailEnabled: 'Stuur mij berichten per e-mail',
    emailRemove: 'E-mailadres verwijderen',
    emailInvalid: 'Dit e-mailadres klopt niet. Kijk of u het goed heeft getypt.',
    quietTitle: 'Rustige uren',
    quietHours: 'Geen meldingen tussen 22:00 en 08:00 uur',
    quietExplain: 'Is het de laatste dag voor een document? Dan krijgt u wel een melding.',
    saved: 'Opgeslagen.',
    notSaved: 'Dit is niet gelukt. Wat u koos, staat er nog.',
    back: 'Terug naar berichten',
  },
};

export type NotificationsMessageSchema = typeof nl;
export default nl;
