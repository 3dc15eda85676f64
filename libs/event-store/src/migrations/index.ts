import { CreateEventStore1732600000000 } from './1732600000000-create-event-store';
import { NotifyAfterCommit1764400000000 } from './1764400000000-notify-after-commit';

export const eventStoreMigrations = [CreateEventStore1732600000000, NotifyAfterCommit1764400000000];
