export * from './types';
export * from './catalog';
export * from './fields';
export * from './geometry';
export * from './diagram';
export * from './edits';
export * from './validate';
export { newId } from './ids';
export { safeColor } from './color';
