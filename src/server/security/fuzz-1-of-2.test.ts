// Share 1 of the route fuzzing (fuzz-routes.ts): the shares run side by side on the test workers.
import { fuzzRoutes } from './fuzz-routes';

fuzzRoutes(1, 2);
