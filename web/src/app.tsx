// The shell: header with the signed-in account, language switch and sign-out, navigation for
// the account's role, and hash routes (#/needs, #/review, #/sign-in, #/ledger/projects: a page
// and its own part, …), so the server only ever serves index.html at /. On load it asks the
// server who the session cookie belongs to (GET /session); without an account only the public
// pages (sign-in, apply, accept) are reachable.
import {useEffect, useMemo, useState} from 'preact/hooks';
import {ErrorBanner} from './components/field';
import {Listings} from './components/listings';
import {I18nContext, kLanguages, storeLang, storedLang, stringsFor, type Lang} from './i18n/i18n';
import {signOut, whoAmI} from './lib/api';
import {useLazyModule} from './lib/lazy_module';
import {
  isApiKey, kPublicRoutes, kRoutesByRole, workspaceOf, type Principal, type PublicRoute, type Route,
} from './lib/workspace';
import {AcceptInvitation} from './pages/accept';
import {Agreements} from './pages/agreements';
import {Applications} from './pages/applications';
import {Apply} from './pages/apply';
import {Dashboard} from './pages/dashboard';
import {Events} from './pages/events';
import {kNeeds} from './pages/needs';
import {kOfferings} from './pages/offerings';
import {ReviewQueue} from './pages/review';
import {SignIn} from './pages/sign_in';

const kNavKeys = {
  needs: 'navNeeds', offerings: 'navOfferings', review: 'navReview',
  applications: 'navApplications', events: 'navEvents', agreements: 'navAgreements',
  dashboard: 'navDashboard', ledger: 'navLedger', report: 'navReport', 'sign-in': 'navSignIn',
  apply: 'navApply', accept: 'navAccept',
} as const;

function currentRoute(): string {
  return location.hash.replace(/^#\/?/, '') || '';
}

export function App() {
  const [lang, setLang] = useState<Lang>(storedLang());
  // undefined while the server has not yet said who is signed in.
  const [principal, setPrincipal] = useState<Principal|null|undefined>(undefined);
  const [route, setRoute] = useState(currentRoute());
  // The email to offer on the sign-in page (after accepting an invitation).
  const [signInEmail, setSignInEmail] = useState('');
  const i18n = useMemo(() => ({lang, t: stringsFor(lang)}), [lang]);
  const t = i18n.t;

  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    window.addEventListener('hashchange', changed);
    whoAmI().then(setPrincipal, () => setPrincipal(null));
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
  }, [lang]);

  const routes: Array<Route|PublicRoute> =
      principal ? kRoutesByRole[principal.role] : principal === null ? kPublicRoutes : [];
  // The first segment picks the page; the rest is the page's own (the ledger's sections).
  const [head, ...rest] = route.split('/');
  const active = (routes as string[]).includes(head) ? head : routes[0];
  const workspace = principal ? workspaceOf(principal) : null;
  // The ledger and the report are fetched when first opened (chunks of their own).
  const ledger = useLazyModule(() => import('./pages/ledger'), active === 'ledger');
  const report = useLazyModule(() => import('./pages/programme_report'), active === 'report');
  const lazy = active === 'ledger' ? ledger : active === 'report' ? report : null;

  function signedIn(account: Principal) {
    setPrincipal(account);
    location.hash = `#/${kRoutesByRole[account.role][0]}`;
  }

  function accepted(email: string) {
    setSignInEmail(email);
    location.hash = '#/sign-in';
  }

  async function leave() {
    await signOut();
    setPrincipal(null);
    location.hash = '#/sign-in';
  }

  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip-link" href="#main">{t.skipToContent}</a>
      <header class="top">
        <h1>{t.appTitle}</h1>
        <nav aria-label={t.appTitle}>
          <ul>
            {routes.map((r) => (
              <li key={r}>
                <a href={`#/${r}`} aria-current={active === r ? 'page' : undefined}>
                  {t[kNavKeys[r]]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="tools">
          {principal && (
            <p class="account">
              <span class="visually-hidden">{t.signedInAs}: </span>
              <span>{isApiKey(principal) ? `${t.apiKey} ${principal.name}`
                                          : principal.displayName || principal.email}</span>
              {principal.organization && <span> · {principal.organization}</span>}
            </p>
          )}
          <label for="language">{t.language}</label>
          <select id="language" value={lang} onChange={(e) => {
            const chosen = (e.currentTarget as HTMLSelectElement).value as Lang;
            storeLang(chosen);
            setLang(chosen);
          }}>
            {kLanguages.map((l) => <option key={l.lang} value={l.lang}>{l.label}</option>)}
          </select>
          {principal && <button type="button" class="secondary" onClick={leave}>{t.signOut}</button>}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {principal === undefined && <p aria-live="polite">{t.loading}</p>}
        {active === 'sign-in' && <SignIn email={signInEmail} onSignedIn={signedIn} />}
        {active === 'apply' && <Apply />}
        {active === 'accept' && <AcceptInvitation onAccepted={accepted} />}
        {active === 'needs' && <Listings kind={kNeeds} owner={ownerOf(workspace)} />}
        {active === 'offerings' && <Listings kind={kOfferings} owner={ownerOf(workspace)} />}
        {active === 'review' && <ReviewQueue />}
        {active === 'applications' && <Applications />}
        {active === 'events' && workspace && <Events workspace={workspace} />}
        {active === 'agreements' && <Agreements editable={workspace?.role === 'ORGANIZER'} />}
        {active === 'dashboard' && <Dashboard />}
        {lazy && !lazy.module && (lazy.error ? <ErrorBanner messages={[lazy.error]} />
                                               : <p aria-live="polite">{t.loading}</p>)}
        {active === 'ledger' && ledger.module && workspace && principal && (
          <ledger.module.Ledger workspace={workspace} region={principal.regionCode}
                                section={rest.join('/')} />
        )}
        {active === 'report' && report.module && principal && (
          <report.module.ProgrammeReport region={principal.regionCode} />
        )}
      </main>
    </I18nContext.Provider>
  );
}

// Enterprises and institutes see their own records; organizers everyone's.
function ownerOf(workspace: ReturnType<typeof workspaceOf>|null): string {
  return workspace && workspace.role !== 'ORGANIZER' ? workspace.organization : '';
}
