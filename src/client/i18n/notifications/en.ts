/** English messages of the inbox and the notification settings. Plain data only (see nl.ts). */
import { NOTIFICATION_TEXTS } from '../../../domain/notification-texts';
import type { NotificationsMessageSchema } from './nl';

const en: NotificationsMessageSchema = {
  inbox: {
    intro: 'Here you see messages about your applications, documents and appointments. The newest is at the top.',
    loading: 'Please wait. Loading your messages.',
    empty: 'You have no messages yet.',
    unreadCount: 'You have no new messages. | You have 1 new message. | You have {n} new messages.',
    unread: 'New',
    open: 'View',
    allRead: 'Mark all as read',
    offline: 'You are offline. These are your messages of {date}.',
    settingsLink: 'Set up notifications on your phone or by e-mail',
    receivedAt: 'Received on {date}',
  },
  notificationEvents: NOTIFICATION_TEXTS.en,
  notifySettings: {
    reauthLogin: 'Log in again',
    intro:
      'We let you know when something changes. You always see every message in Loket. Do you also want it on your phone or by e-mail? Switch that on here.',
    loading: 'Please wait. Loading your settings.',
    pushTitle: 'Notifications on this device',
    pushExplain:
      'You then get a notification: "Er is nieuws in Loket" (there is news in Loket). It says nothing personal. Tap it to read the message.',
    pushOn: 'Switch on notifications on this device',
    pushBusy: 'Switching on',
    pushOnHere: 'Notifications are on for this device.',
    pushOffHere: 'Switch off notifications on this device',
    pushShared:
      'Other people use this computer too. That is why you cannot switch on notifications here. Do it on your own phone or computer.',
    pushUnsupported: 'This browser cannot show notifications. You do see your messages in Loket.',
    pushDenied:
      'You have blocked notifications for Loket in your browser. Do you want them after all? Allow notifications in your browser settings.',
    pushFailed: 'Switching on did not work. Please try again later.',
    devicesTitle: 'Devices with notifications',
    devicesNone: 'No devices yet.',
    deviceSince: 'Since {date}',
    revoke: 'Stop on {name}',
    emailTitle: 'Messages by e-mail',
    emailOff: 'Messages by e-mail are off at {consortium}. You see your messages in Loket.',
    emailExplain: 'You then get an e-mail when there is news. The subject says nothing personal.',
    emailAddress: 'Your e-mail address',
    emailSend: 'Send me a confirmation',
    emailPending: 'We have sent an e-mail to {address}. Click the link in that e-mail. Then e-mail is on.',
    emailActive: 'We send e-mail to {address}.',
    emailConfirmed: 'Your e-mail address is confirmed. E-mail is on.',
    emailExpired: 'This link no longer works. Enter your e-mail address again.',
    emailEnabled: 'Send me messages by e-mail',
    emailRemove: 'Remove e-mail address',
    emailInvalid: 'This e-mail address is not right. Check that you typed it correctly.',
    quietTitle: 'Quiet hours',
    quietHours: 'No notifications between 22:00 and 08:00',
    quietExplain: 'Is it the last day for a document? Then you do get a notification.',
    saved: 'Saved.',
    notSaved: 'This did not work. What you chose is still there.',
    back: 'Back to messages',
  },
};

export default en;
