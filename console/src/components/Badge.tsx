import type { ReactNode } from 'react';

export const Badge = ({ kind, children }: { kind: string; children: ReactNode }) => <span className={`badge badge-${kind}`}>{children}</span>;
