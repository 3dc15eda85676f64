import { formatTable, score } from '../bench/fraud-eval/score';

describe('Fraud evaluation score', () => {
  const cases = [
    { rule: 'F13', variant: 'bank', applicationIds: ['a', 'b', 'c'] },
    { rule: 'F13', variant: 'phone', applicationIds: ['d', 'e', 'f', 'g'] },
    { rule: 'F11', variant: 'also category 4', applicationIds: ['h', 'i'], alsoExpected: ['F1'] },
  ];

  it('counts a case detected only when one alert of its rule names all its applications', () => {
    const [f1, f11, f13] = score(cases, [
      { rule: 'F13', applicationIds: ['a', 'b', 'c', 'x'] },
      { rule: 'F13', applicationIds: ['d', 'e'] },
      { rule: 'F11', applicationIds: ['h', 'i'] },
      { rule: 'F1', applicationIds: ['h', 'i'] },
    ]);
    expect(f13).toMatchObject({ cases: 2, detected: 1, recall: 0.5, alerts: 2, precision: 1 });
    expect(f11).toMatchObject({ recall: 1, precision: 1 });
    expect(f1).toMatchObject({ cases: 1, recall: 1, precision: 1 });
  });

  it('counts an alert on clean applications against precision', () => {
    const [, , f13] = score(cases, [{ rule: 'F13', applicationIds: ['a', 'b', 'c'] }, { rule: 'F13', applicationIds: ['y', 'z'] }]);
    expect(f13).toMatchObject({ precision: 0.5, falseAlerts: [{ rule: 'F13', applicationIds: ['y', 'z'] }] });
  });

  it('prints one line per rule', () => expect(formatTable(score(cases, [])).split('\n')).toHaveLength(5));
});
