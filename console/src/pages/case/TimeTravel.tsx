import { useState } from 'react';
import { get, query } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { StateAt } from '../../api/types';
import { ProblemBox } from '../../components/ProblemBox';
import { formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { StateSummary } from './StateSummary';

/** `18/05/2020 09:15` (Vietnam time, seconds optional) → an ISO instant; null until it is one. */
const vietnamInstant = (text: string): string | null => {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, day, month, year, hour, minute, second] = match;
  const pad = (part: string) => part.padStart(2, '0');
  const instant = new Date(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}:${second ?? '00'}+07:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
};

/** The state at a version (a slider) or at a Vietnam-time instant (GET /applications/{id}/state). */
export const TimeTravel = ({ id, maxVersion, onShown }: { id: string; maxVersion: number; onShown: (version: number | null) => void }) => {
  const { t } = useI18n();
  const [selected, setSelected] = useState<number | null>(null);
  const [asOf, setAsOf] = useState('');
  const [past, setPast] = useState<StateAt | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const travel = async (at: { version?: number; asOf?: string }) => {
    setProblem(null);
    try {
      const state = await get<StateAt>(`/applications/${encodeURIComponent(id)}/state${query(at)}`);
      setPast(state);
      onShown(state.atVersion);
    } catch (error) {
      setPast(null);
      onShown(null);
      setProblem(toProblem(error));
    }
  };

  return (
    <div className="time-travel" data-testid="time-travel">
      <label>
        {t('atVersion')}{' '}
        <input
          type="range"
          name="version"
          min={1}
          max={maxVersion}
          value={selected ?? maxVersion}
          onChange={(event) => {
            const version = Number(event.target.value);
            setSelected(version);
            void travel({ version });
          }}
        />{' '}
        <b data-testid="selected-version">{selected ?? maxVersion}</b> / {maxVersion}
      </label>
      <label>
        {t('asOfTime')}{' '}
        <input
          type="text"
          name="asOf"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy hh:mm"
          value={asOf}
          onChange={(event) => {
            setAsOf(event.target.value);
            const instant = vietnamInstant(event.target.value);
            if (instant) void travel({ asOf: instant });
          }}
        />
      </label>
      <ProblemBox problem={problem} />
      {past && (
        <div className="past-state" data-testid="past-state">
          <h4>
            {t('stateThen')} ({t('version')} {past.atVersion}
            {past.asOf ? `, ${formatTime(past.asOf)}` : ''})
          </h4>
          <StateSummary view={past.state} />
        </div>
      )}
    </div>
  );
};
