import { startEarlyOpen } from './early-open';

// popup.html loads this before the app's module: see early-open.ts.
startEarlyOpen();
