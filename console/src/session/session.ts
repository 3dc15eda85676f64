/** Who is signed in: the token, and its claims decoded for the screen (the server checks them). */
export interface Claims {
  sub: string;
  name?: string;
  roles: string[];
  ward: string | null;
  exp?: number;
}

export interface Session {
  token: string;
  claims: Claims;
}

const KEY = 'relief-ledger.console.token';

const base64UrlDecode = (part: string): string => {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
};

/** The claims of a JWT, or null when it is not one. Nothing is verified here. */
export const decodeClaims = (token: string): Claims | null => {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(base64UrlDecode(parts[1]));
    if (typeof payload !== 'object' || payload === null) return null;
    return {
      sub: String(payload.sub ?? ''),
      name: typeof payload.name === 'string' ? payload.name : undefined,
      roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      ward: typeof payload.ward === 'string' ? payload.ward : null,
      exp: typeof payload.exp === 'number' ? payload.exp : undefined,
    };
  } catch {
    return null;
  }
};

/** Kept for the browser tab only: closing it signs out. */
export const loadSession = (): Session | null => {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = decodeClaims(token);
  if (!claims || (claims.exp !== undefined && claims.exp * 1000 < Date.now())) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return { token, claims };
};

export const saveSession = (token: string | null): void => {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
};

export const hasRole = (session: Session | null, ...roles: string[]): boolean => !!session && session.claims.roles.some((role) => roles.includes(role));

/** Roles that read every ward (API.md); the others see their own. */
export const ANY_WARD_ROLES = ['auditor', 'inspector', 'admin', 'district-appraiser', 'social-insurance-officer', 'tax-officer', 'lender-officer', 'province-approver'];
