import { useState, type FormEvent } from 'react';
import { signIn, signInWithKey } from '../auth';
import { ErrorMessage } from '../components';

export function SignIn({ returnTo }: { returnTo: string }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);

  const withKey = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) signInWithKey(key);
  };

  return (
    <>
      <h1>Sign in</h1>
      <ErrorMessage error={error} />
      <section aria-labelledby="user-sign-in" className="card">
        <h2 id="user-sign-in">With your user</h2>
        <p>Sign in on the platform's login page (the users of <code>dharma login</code>).</p>
        <button type="button" className="primary" onClick={() => signIn(returnTo).catch(setError)}>
          Sign in with Dharma
        </button>
      </section>
      <section aria-labelledby="key-sign-in" className="card">
        <h2 id="key-sign-in">With an API key</h2>
        <p>For scripts and CI credentials, or the bootstrap key in <code>.dharma/admin.key</code>. It stays in this tab's memory.</p>
        <form onSubmit={withKey}>
          <label htmlFor="api-key">API key</label>
          <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
          <button type="submit">Use this key</button>
        </form>
      </section>
    </>
  );
}
