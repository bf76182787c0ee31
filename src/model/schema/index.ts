export * from './field';
export * from './nodeProps';
export * from './callProps';
export * from './scenario';
export * from './text';
export * from './take';
export * from './id';
