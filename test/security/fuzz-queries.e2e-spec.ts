import { describeFuzz } from './support/fuzz-suite';

// The other half of the 10,000: every route that reads.
describeFuzz('the query routes', (route) => !route.startsWith('POST '), 5000, 20200415);
