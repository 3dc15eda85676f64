import { useEffect, useState } from 'react';
import { setToken, setUnauthenticatedHandler } from '../api/client';
import { decodeClaims, loadSession, saveSession, type Session } from '../session/session';

/** Who is signed in, kept for the tab; an expired or revoked token signs out. */
export const useSession = () => {
  const [session, setSession] = useState<Session | null>(() => {
    const loaded = loadSession();
    setToken(loaded?.token ?? null);
    return loaded;
  });

  const signOut = () => {
    saveSession(null);
    setToken(null);
    setSession(null);
  };

  // An expired or revoked token: back to the sign-in page rather than a page of errors.
  useEffect(() => {
    setUnauthenticatedHandler(signOut);
    return () => setUnauthenticatedHandler(null);
  }, []);

  const signIn = (token: string): Session | null => {
    const claims = decodeClaims(token);
    if (!claims) return null;
    saveSession(token);
    setToken(token);
    const next = { token, claims };
    setSession(next);
    return next;
  };

  return { session, signIn, signOut };
};
