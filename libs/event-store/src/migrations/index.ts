import { CreateEventStore1732600000000 } from './1732600000000-create-event-store';

export const eventStoreMigrations = [CreateEventStore1732600000000];
