// Share 2 of the route fuzzing (fuzz-routes.ts): the shares run side by side on the test workers.
import { fuzzRoutes } from './fuzz-routes';

fuzzRoutes(2, 2);
