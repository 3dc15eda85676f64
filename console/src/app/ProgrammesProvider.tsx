import { useEffect, useState, type ReactNode } from 'react';
import { listProgrammes } from '../api/programmes';
import { toProblem, type Problem } from '../api/problem';
import type { Programme } from '../api/types';
import { ProblemBox } from '../components/ProblemBox';
import { ProgrammesContext } from '../i18n/programme-terms';

/** Loads the programme definitions once per session: every page takes its terms and steps from them. */
export const ProgrammesProvider = ({ token, children }: { token: string | null; children: ReactNode }) => {
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    setProblem(null);
    if (!token) return;
    let live = true;
    listProgrammes().then(
      (loaded) => live && setProgrammes(loaded),
      (error) => live && setProblem(toProblem(error)),
    );
    return () => {
      live = false;
    };
  }, [token]);
  return (
    <ProgrammesContext.Provider value={programmes}>
      <ProblemBox problem={problem} />
      {children}
    </ProgrammesContext.Provider>
  );
};
