// The shell: header with language switch and sign-out, navigation for the workspace's role,
// and hash routes (#/needs, #/offerings, #/events, #/agreements, #/dashboard, #/sign-in), so
// the server only ever serves index.html at /.
import {useEffect, useMemo, useState} from 'preact/hooks';
import {Listings} from './components/listings';
import {I18nContext, kLanguages, storeLang, storedLang, stringsFor, type Lang} from './i18n/i18n';
import {signOut} from './lib/api';
import {kRoutesByRole, loadWorkspace, saveWorkspace, type Route, type Workspace} from './lib/workspace';
import {Agreements} from './pages/agreements';
import {Dashboard} from './pages/dashboard';
import {Events} from './pages/events';
import {kNeeds} from './pages/needs';
import {kOfferings} from './pages/offerings';
import {SignIn} from './pages/sign_in';

const kNavKeys = {
  needs: 'navNeeds', offerings: 'navOfferings', events: 'navEvents', agreements: 'navAgreements',
  dashboard: 'navDashboard',
} as const;

function currentRoute(): string {
  return location.hash.replace(/^#\/?/, '') || '';
}

export function App() {
  const [lang, setLang] = useState<Lang>(storedLang());
  const [workspace, setWorkspace] = useState<Workspace | null>(loadWorkspace());
  const [route, setRoute] = useState(currentRoute());
  const i18n = useMemo(() => ({lang, t: stringsFor(lang)}), [lang]);
  const t = i18n.t;

  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
  }, [lang]);

  const routes: Route[] = workspace ? kRoutesByRole[workspace.role] : [];
  const active = route === 'sign-in' || !workspace ? 'sign-in'
    : (routes as string[]).includes(route) ? route : routes[0];

  function chooseWorkspace(chosen: Workspace) {
    saveWorkspace(chosen);
    setWorkspace(chosen);
    location.hash = `#/${kRoutesByRole[chosen.role][0]}`;
  }

  async function leave() {
    await signOut();
    saveWorkspace(null);
    setWorkspace(null);
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
            <li>
              <a href="#/sign-in" aria-current={active === 'sign-in' ? 'page' : undefined}>
                {t.navSignIn}
              </a>
            </li>
          </ul>
        </nav>
        <div class="tools">
          <label for="language">{t.language}</label>
          <select id="language" value={lang} onChange={(e) => {
            const chosen = (e.currentTarget as HTMLSelectElement).value as Lang;
            storeLang(chosen);
            setLang(chosen);
          }}>
            {kLanguages.map((l) => <option key={l.lang} value={l.lang}>{l.label}</option>)}
          </select>
          {workspace && <button type="button" class="secondary" onClick={leave}>{t.signOut}</button>}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {active === 'sign-in' && <SignIn workspace={workspace} onWorkspace={chooseWorkspace} />}
        {active === 'needs' && <Listings kind={kNeeds} owner={workspace?.organization ?? ''} />}
        {active === 'offerings' && <Listings kind={kOfferings} owner={workspace?.organization ?? ''} />}
        {active === 'events' && workspace && <Events workspace={workspace} />}
        {active === 'agreements' && <Agreements editable={workspace?.role === 'ORGANIZER'} />}
        {active === 'dashboard' && <Dashboard />}
      </main>
    </I18nContext.Provider>
  );
}
