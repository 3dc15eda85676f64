/** Precision and recall of the fraud detectors against injected ground truth, per rule. */
export interface TruthCase {
  rule: string;
  variant: string;
  applicationIds: string[];
  alsoExpected?: string[];
}

export interface RaisedAlert {
  rule: string;
  applicationIds: string[];
}

export interface RuleScore {
  rule: string;
  cases: number;
  detected: number;
  alerts: number;
  truePositives: number;
  recall: number | null;
  precision: number | null;
  missed: TruthCase[];
  falseAlerts: RaisedAlert[];
}

/**
 * A case is detected when one alert of its rule names all its applications. An alert is a true
 * positive when it names an application injected for its rule; any other alert fired on clean
 * data (or on a pattern injected for another rule) and counts against precision.
 */
export const score = (cases: readonly TruthCase[], alerts: readonly RaisedAlert[]): RuleScore[] => {
  const rules = [...new Set([...cases.flatMap((c) => [c.rule, ...(c.alsoExpected ?? [])]), ...alerts.map((a) => a.rule)])]
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return rules.map((rule) => {
    const truth = cases.filter((c) => c.rule === rule || c.alsoExpected?.includes(rule));
    const raised = alerts.filter((a) => a.rule === rule);
    const injected = new Set(truth.flatMap((c) => c.applicationIds));
    const missed = truth.filter((c) => !raised.some((a) => c.applicationIds.every((id) => a.applicationIds.includes(id))));
    const falseAlerts = raised.filter((a) => !a.applicationIds.some((id) => injected.has(id)));
    return {
      rule,
      cases: truth.length,
      detected: truth.length - missed.length,
      alerts: raised.length,
      truePositives: raised.length - falseAlerts.length,
      recall: truth.length ? (truth.length - missed.length) / truth.length : null,
      precision: raised.length ? (raised.length - falseAlerts.length) / raised.length : null,
      missed,
      falseAlerts,
    };
  });
};

const fixed = (value: number | null) => (value === null ? '   –' : value.toFixed(3));

export const formatTable = (scores: readonly RuleScore[]): string => {
  const lines = ['rule  cases  detected  alerts  true+   recall  precision', '----  -----  --------  ------  -----  -------  ---------'];
  for (const s of scores) {
    lines.push(`${s.rule.padEnd(4)}  ${String(s.cases).padStart(5)}  ${String(s.detected).padStart(8)}  ${String(s.alerts).padStart(6)}  ${String(s.truePositives).padStart(5)}  ${fixed(s.recall).padStart(7)}  ${fixed(s.precision).padStart(9)}`);
  }
  return lines.join('\n');
};
