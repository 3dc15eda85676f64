import type { Label } from '@lib/domain';
import type { ProgrammeRegistry } from '@lib/platform';

/** Every step's label across the loaded programmes: refusals and alerts name steps the way officers do. */
export const stepLabels = (programmes?: ProgrammeRegistry): Map<string, Label> => {
  const labels = new Map<string, Label>();
  for (const programme of programmes?.all() ?? []) {
    for (const category of programme.categories) {
      for (const step of category.steps) if (step.label && !labels.has(step.name)) labels.set(step.name, step.label);
    }
  }
  return labels;
};
