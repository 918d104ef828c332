/**
 * Messages of the start page (/): welcome, DigiD login and why the resident was logged out, Dutch B1. Loaded with those pages only; their page titles (and what other
 * pages share) stay in ../nl.ts, because the router and the header need them first.
 * Plain data only: the build precompiles this file.
 */
const nl = {
  start: {
    title: 'Welkom bij {name}',
    intro:
      'In Loket ziet u uw aanvragen voor bijstand en andere regelingen. U ziet hoe ver wij zijn en wat u nog moet doen. U logt in met DigiD.',
    login: 'Inloggen met DigiD',
    simulated:
      'Dit is een testomgeving. U logt hier in met een simulatie van DigiD, niet met de echte DigiD. Gebruik geen echte gegevens.',
    reasonExpired: 'U bent uitgelogd omdat u een tijd niets deed. Log opnieuw in om verder te gaan.',
    reasonLoggedOut:
      'U bent uitgelogd. Gebruiken ook andere mensen deze computer? Sluit dan alle vensters van de browser.',
    reasonLogoutFailed:
      'Uitloggen is misschien niet gelukt. Sluit alle vensters van de browser. Dan bent u zeker uitgelogd.',
    reasonWiped: 'Uw sessie is gestopt. Wij hebben alles van u van deze computer gewist.',
    reasonWipedIdle:
      'U deed een tijd niets. Daarom is uw sessie gestopt. Wij hebben alles van u van deze computer gewist.',
    loginFailed: 'Inloggen is niet gelukt.',
    sessionUnknown: 'Wij konden niet nagaan of u bent ingelogd.',
  },
};

export default nl;
