import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api, type Caller } from './api';
import { completeSignIn, current, signOut, subscribe } from './auth';
import { ErrorMessage } from './components';
import { Link, match, navigate, useLocation } from './router';
import { SignIn } from './pages/SignIn';
import { Blueprints } from './pages/Blueprints';
import { BlueprintDetail } from './pages/BlueprintDetail';
import { Submit } from './pages/Submit';
import { Tracking } from './pages/Tracking';
import { DeploymentDetail } from './pages/DeploymentDetail';
import { Approvals } from './pages/Approvals';
import { Policies } from './pages/Policies';
import { Costs } from './pages/Costs';
import { Drift } from './pages/Drift';

const NAV = [
  { to: '/blueprints', label: 'Blueprints' },
  { to: '/submit', label: 'Submit' },
  { to: '/approvals', label: 'Approvals' },
  { to: '/policies', label: 'Policies' },
  { to: '/costs', label: 'Costs' },
  { to: '/drift', label: 'Drift' },
];

function page(path: string, caller: Caller): ReactNode {
  let params: Record<string, string> | null;
  if (path === '/' || path === '/blueprints') return <Blueprints />;
  if ((params = match('/blueprints/:id', path))) return <BlueprintDetail id={params.id} />;
  if (path === '/submit') return <Submit caller={caller} />;
  if ((params = match('/tracking/:id', path))) return <Tracking id={params.id} />;
  if ((params = match('/deployments/:id', path))) return <DeploymentDetail id={params.id} caller={caller} />;
  if (path === '/approvals') return <Approvals caller={caller} />;
  if (path === '/policies') return <Policies caller={caller} />;
  if (path === '/costs') return <Costs />;
  if (path === '/drift') return <Drift />;
  return (
    <>
      <h1>Not found</h1>
      <p>
        Nothing lives at {path}. Go to <Link to="/blueprints">the blueprints</Link>.
      </p>
    </>
  );
}

export function App() {
  const location = useLocation();
  const credential = useSyncExternalStore(subscribe, current);
  const [caller, setCaller] = useState<Caller | null>(null);
  const [error, setError] = useState<unknown>(null);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    if (location.pathname !== '/callback') return;
    completeSignIn(location.search).then(
      (next) => navigate(next, true),
      (failure) => {
        setError(failure);
        navigate('/', true);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);

  useEffect(() => {
    setCaller(null);
    if (!credential) return;
    api<Caller>('/api/v1/caller').then(setCaller, (failure) => {
      setError(failure);
      void signOut();
    });
  }, [credential]);

  // Moves focus to the new page's content, so keyboard and screen-reader users follow navigation.
  useEffect(() => {
    main.current?.focus();
  }, [location.pathname]);

  const path = location.pathname;
  let content: ReactNode;
  if (path === '/callback') content = <p role="status">Signing in…</p>;
  else if (!credential) content = <SignIn returnTo={path + location.search} />;
  else if (!caller) content = <p role="status">Loading who you are…</p>;
  else content = page(path, caller);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/blueprints" className="brand">
          Dharma console
        </Link>
        {caller && (
          <nav aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={path.startsWith(item.to) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {caller && (
          <div className="who">
            <span data-testid="caller">
              {caller.user} · {caller.tenant} · {caller.roles.join(', ')}
            </span>
            <button
              type="button"
              onClick={() =>
                // a user's sign-out also ends the issuer's session (its own confirmation page)
                void signOut().then((issuerSession) => issuerSession && window.location.assign('/logout'))
              }
            >
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <ErrorMessage error={error} />
        {content}
      </main>
    </>
  );
}

