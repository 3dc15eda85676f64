import { describeFuzz } from './support/fuzz-suite';

// Half of the 10,000: the routes that change state (and requests sent to them with other methods).
describeFuzz('the command routes', (route) => route.startsWith('POST '), 5000, 20200401);
