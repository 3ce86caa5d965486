export * from './org';
export * from './auth';
export * from './platform';
export * from './assessment';
export * from './support';
export * from './planning';
export * from './effects';
