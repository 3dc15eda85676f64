import { useEffect, useState } from 'react';

/** Hash routes (#/worklist, #/applications/<id>?highlight=…): no server fallback needed. */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

export const parseHash = (hash: string): Route => {
  const [path, search] = hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search ?? '') };
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
};

export const navigate = (to: string): void => {
  window.location.hash = to.startsWith('#') ? to : `#${to}`;
};

export const caseLink = (id: string, highlight?: readonly (string | number)[]): string =>
  `#/applications/${encodeURIComponent(id)}${highlight && highlight.length > 0 ? `?highlight=${highlight.join(',')}` : ''}`;

/** An officer's activity from one day to another (YYYY-MM-DD). */
export const activityLink = (officerId: string, from?: string, to?: string): string => {
  const params = new URLSearchParams(Object.entries({ from, to }).filter((entry): entry is [string, string] => !!entry[1]));
  const search = params.toString();
  return `#/activity/${encodeURIComponent(officerId)}${search ? `?${search}` : ''}`;
};
