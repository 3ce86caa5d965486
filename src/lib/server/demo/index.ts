export { loadDemo, DEMO_PASSWORD, type LoadDemoResult } from './load-demo';
export { printDemoSignIns, formatDemoSignIns } from './print-demo-sign-ins';
export type { DemoOrganizer, DemoPersonRef, DemoSignIn } from './build-demo-organizer';
export { planDemo, DEFAULT_DEMO_SEED, DEMO_SLUG } from './plan-demo';
