import { localDate } from '@lib/domain';
import type { Clock, ProgrammeRegistry } from '@lib/platform';

/** Vietnam's legal date today: what "overdue" is measured against unless asOf says otherwise. */
export const todayIn = (clock: Clock, programmes: ProgrammeRegistry): string =>
  localDate(clock.now(), programmes.latest()[0]?.calendar ?? { holidays: [], utcOffsetMinutes: 420 });
