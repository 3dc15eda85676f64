import { useEffect, useState } from 'react';
import { getProgramme } from '../../api/programmes';
import type { StepDefinition } from '../../api/types';
import type { ActionTarget } from './action-target';

/** The programme step an application awaits, if any (from GET /programmes/{id}). */
export const useAwaitedStep = (target: ActionTarget | null): StepDefinition | null => {
  const [step, setStep] = useState<StepDefinition | null>(null);
  useEffect(() => {
    setStep(null);
    if (!target?.currentStep) return;
    let live = true;
    getProgramme(target.programme, target.programmeVersion).then(
      (programme) => {
        const category = programme.categories.find((candidate) => candidate.code === target.category);
        if (live) setStep(category?.steps.find((candidate) => candidate.name === target.currentStep) ?? null);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [target?.programme, target?.programmeVersion, target?.category, target?.currentStep]);
  return step;
};
