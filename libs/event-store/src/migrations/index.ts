import { CreateEventStore1732600000000 } from './1732600000000-create-event-store';
import { NotifyAfterCommit1764400000000 } from './1764400000000-notify-after-commit';
import { DropEventsTypeIndex1764500000000 } from './1764500000000-drop-events-type-index';
import { BindCommandIds1765300000000 } from './1765300000000-bind-command-ids';

export const eventStoreMigrations = [CreateEventStore1732600000000, NotifyAfterCommit1764400000000, DropEventsTypeIndex1764500000000, BindCommandIds1765300000000];
